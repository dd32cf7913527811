package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses ({@code ;}, {@code %25}, {@code //}, a backslash,
 * control characters): a 400 that goes through the error dispatch like any other, so the API answers
 * a problem and a page the error page, in the user's words rather than the firewall's.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Refused {}: {}", request.getRequestURI(), rejected.getMessage());
        request.setAttribute(
                RequestDispatcher.ERROR_EXCEPTION, new LiaisonException(HttpStatus.BAD_REQUEST, "rejected-address"));
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
