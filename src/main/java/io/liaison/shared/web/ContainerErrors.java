package io.liaison.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat's own answers to requests it refuses before any servlet runs (an encoded slash or a NUL in
 * the path, bytes that are not UTF-8, an over-long request line or header): the host's error report
 * valve writes them, so this one replaces Tomcat's HTML with a problem for the API and the site's error
 * page for people. It writes only when nothing else has.
 */
class ContainerErrors extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrors.class);

    private final ObjectProvider<ErrorBodies> bodies;

    ContainerErrors(ObjectProvider<ErrorBodies> bodies) {
        this.bodies = bodies;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        try {
            ErrorBodies.Body body = bodies.getObject().refusedByTomcat(request, response, status);
            response.setContentType(body.contentType());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body.text());
                response.finishResponse();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write the answer to a request Tomcat refused with status {}", status, e);
        }
    }
}
