package io.liaison.integration.dav.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The XML answers of CardDAV: a 207 Multi-Status, and a 403 naming the precondition that failed. */
final class DavErrors {

    private DavErrors() {}

    static void multistatus(HttpServletResponse response, String body) throws IOException {
        write(response, 207, body);
    }

    /** A 403 whose DAV:error holds {@code condition}, such as {@code <d:valid-sync-token/>}. */
    static void forbidden(HttpServletResponse response, String condition) throws IOException {
        write(
                response,
                HttpServletResponse.SC_FORBIDDEN,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<d:error xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\">"
                        + condition + "</d:error>\n");
    }

    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/xml; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
