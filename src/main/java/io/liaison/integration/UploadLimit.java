package io.liaison.integration;

import io.liaison.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload larger than {@code LIAISON_IMPORT_MAX_FILE_SIZE} (imports are the only uploads):
 * refused before any controller sees it, so answered here, for every path, as a 413 problem that
 * names the limit.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

    private final Problems problems;
    private final String limit;

    UploadLimit(Problems problems, ImportSettings settings) {
        this.problems = problems;
        this.limit = settings.maxFileSize().toMegabytes() + " MB";
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        ProblemDetail problem = problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", request, limit);
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }
}
