package io.liaison.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest body an API request other than a file upload may send ({@code
 * liaison.api.max-body-size}, 1 MB by default): JSON bodies are read whole into memory, so a larger
 * one is refused with a 413 problem before it is parsed. A body without a length is read up to the
 * limit and refused once it passes it. Uploads (multipart) and NDJSON syncs have their own limits.
 */
@Component
// After Boot's RequestContextFilter (-105), which sets the language of the answer; before security (-100).
@Order(-104)
class BodyLimit extends OncePerRequestFilter {

    private final Problems problems;
    private final long maxBytes;

    BodyLimit(Problems problems, @Value("${liaison.api.max-body-size:1MB}") DataSize maxBodySize) {
        this.problems = problems;
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        // Uploads and NDJSON syncs are read as they arrive, within limits of their own.
        return !request.getRequestURI().startsWith("/api/")
                || (type != null
                        && (type.toLowerCase().startsWith("multipart/")
                                || type.toLowerCase().startsWith("application/x-ndjson")));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response);
            return;
        }
        if (request.getContentLengthLong() >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String limit = DataSize.ofBytes(maxBytes).toKilobytes() + " KB";
        problems.write(response, problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", request, limit));
    }

    /** A request whose body of unknown length has been read already, within the limit. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // The whole body is in memory: it is available at once and ends there.
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            // JSON is UTF-8 (RFC 8259), whatever the request claims.
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
