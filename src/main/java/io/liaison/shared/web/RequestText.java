package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The text of a request outside its JSON body, checked before anything reads it: the query string's
 * raw bytes must be UTF-8, and no parameter name or value (query, form, multipart) nor an uploaded
 * file's name may hold a NUL or a lone surrogate. Form bodies and multipart headers are decoded by
 * Tomcat, which turns bytes that are not UTF-8 into U+FFFD, so there a U+FFFD is refused as such.
 * The refusal is written at once (an error dispatch would read the bad parameters again): a problem
 * for the API, the error page for people. It runs after Spring Security, so that a stranger's upload
 * is not read before the 401.
 * (Tomcat itself refuses a path with a NUL or bytes that are not UTF-8.)
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class RequestText extends OncePerRequestFilter {

    private static final char REPLACEMENT = '\uFFFD';

    private final ErrorBodies bodies;

    RequestText(ErrorBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LiaisonException refused = check(request);
        if (refused != null) {
            bodies.write(request, response, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    private static @Nullable LiaisonException check(HttpServletRequest request) throws IOException, ServletException {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                if (!wellFormed(name)) {
                    return StrictText.refused("query", StrictText.NOT_UTF8);
                }
                if (equals >= 0 && !wellFormed(pair.substring(equals + 1))) {
                    return StrictText.refused(decoded(name), StrictText.NOT_UTF8);
                }
            }
        }
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean form = type.startsWith("application/x-www-form-urlencoded");
        boolean multipart = type.startsWith("multipart/form-data");
        if (multipart) {
            LiaisonException file = fileNames(request);
            if (file != null) {
                return file;
            }
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            // Tomcat refuses a form field whose bytes are not UTF-8 without saying which in our terms
            return StrictText.refused("body", StrictText.NOT_UTF8);
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String problem = problem(name, form || multipart);
            if (problem != null) {
                return StrictText.refused("query", problem);
            }
            for (String value : parameter.getValue()) {
                problem = problem(value, form || multipart);
                if (problem != null) {
                    return StrictText.refused(name, problem);
                }
            }
        }
        return null;
    }

    private static @Nullable LiaisonException fileNames(HttpServletRequest request) {
        try {
            for (Part part : request.getParts()) {
                String problem = problem(part.getSubmittedFileName(), true);
                if (problem != null) {
                    return StrictText.refused("filename", problem);
                }
            }
        } catch (InvalidFileNameException nul) {
            return StrictText.refused("filename", StrictText.NUL);
        } catch (IllegalStateException tooLarge) {
            // Tomcat's size limits: the multipart resolver answers them with the upload limit's 413
        } catch (IOException | ServletException unreadable) {
            // no boundary, a broken part: Tomcat's words name its classes, so ours are said instead
            return new LiaisonException(HttpStatus.BAD_REQUEST, "malformed-upload");
        }
        return null;
    }

    private static @Nullable String problem(@Nullable String text, boolean decodedByTomcat) {
        String problem = StrictText.problem(text);
        if (problem == null && decodedByTomcat && text != null && text.indexOf(REPLACEMENT) >= 0) {
            return StrictText.NOT_UTF8;
        }
        return problem;
    }

    /** Whether the percent-decoded bytes of a query part are UTF-8; a malformed escape is Tomcat's to judge. */
    private static boolean wellFormed(String encoded) {
        byte[] bytes = bytes(encoded);
        return bytes == null || StrictText.invalidUtf8At(bytes, bytes.length) < 0;
    }

    private static String decoded(String encoded) {
        byte[] bytes = bytes(encoded);
        return bytes == null ? encoded : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte @Nullable [] bytes(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(c == '+' ? ' ' : c);
            }
        }
        return out.toByteArray();
    }
}
