package io.liaison.integration;

import io.liaison.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * An import's file larger than {@code LIAISON_IMPORT_MAX_FILE_SIZE}: answered, for every path, as a
 * 413 problem that names the limit. The container refuses a part past its multipart limit before
 * any controller sees it; that limit is the larger of the imports' and the chat files' ({@code
 * chat.file.MultipartLimits}), so the import's controllers open their file through {@link #open},
 * which refuses one past the imports' own.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadLimit {

    private final Problems problems;
    private final long maxBytes;
    private final String limit;

    UploadLimit(Problems problems, ImportSettings settings) {
        this.problems = problems;
        this.maxBytes = settings.maxFileSize().toBytes();
        this.limit = settings.maxFileSize().toMegabytes() + " MB";
    }

    /** The bytes of a file uploaded for an import, refused past the imports' limit. */
    public InputStream open(MultipartFile file) {
        if (file.getSize() > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        ProblemDetail problem = problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", request, limit);
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }
}
