package io.liaison.identity.internal;

import io.liaison.shared.Message;
import io.liaison.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of the API as problem details. */
class ProblemEntryPoints implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;

    ProblemEntryPoints(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problems.write(response, problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(response, problems.of(HttpStatus.FORBIDDEN, "forbidden", request, Message.of("forbidden.this")));
    }
}
