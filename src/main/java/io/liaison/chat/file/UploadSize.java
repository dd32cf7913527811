package io.liaison.chat.file;

import io.liaison.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload to {@code /api/v1/files} whose length says it carries more than {@code
 * liaison.chat.max-file-size} is answered 413, naming that limit, before the container parses and
 * spools any of it to disk (and before the general multipart limit, which is the imports' and
 * larger, would answer with its own). An upload without a length is counted as it is stored.
 */
@Component
// After Boot's RequestContextFilter (-105), which sets the language of the answer; before security (-100).
@Order(-104)
class UploadSize extends OncePerRequestFilter {

    /** Room in a request for the multipart headers around the file. */
    private static final long ENVELOPE = DataSize.ofMegabytes(1).toBytes();

    private final Problems problems;
    private final FileSettings settings;

    UploadSize(Problems problems, FileSettings settings) {
        this.problems = problems;
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getMethod().equals("POST") || !request.getRequestURI().equals("/api/v1/files");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > settings.maxFileSize().toBytes() + ENVELOPE) {
            problems.write(
                    response,
                    problems.of(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", request, settings.fileLimit()));
            return;
        }
        chain.doFilter(request, response);
    }
}
