package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Whatever no controller answered (unknown paths, unsupported media types, errors in filters) ends
 * here: problem details for the API and for JSON clients, an error page for people.
 */
@Controller
class ErrorPages implements ErrorController {

    private final ErrorAttributes errorAttributes;
    private final Problems problems;

    ErrorPages(ErrorAttributes errorAttributes, Problems problems) {
        this.errorAttributes = errorAttributes;
        this.problems = problems;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        HttpStatus status = status(request);
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        ProblemDetail problem = problem(status, error, request);
        problem.setInstance(URI.create(path));
        if (wantsJson(request, path)) {
            problems.write(response, problem);
            return null;
        }
        response.setStatus(status.value());
        model.addAttribute("problem", problem);
        return "error";
    }

    private ProblemDetail problem(HttpStatus status, Throwable error, HttpServletRequest request) {
        if (error instanceof LiaisonException e) {
            return problems.of(e, request);
        }
        return error instanceof ErrorResponse framework
                ? problems.ofStatus(status.value(), request, ApiExceptionHandler.arguments(framework))
                : problems.ofStatus(status.value(), request);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static boolean wantsJson(HttpServletRequest request, String path) {
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null
                && !accept.contains(MediaType.TEXT_HTML_VALUE)
                && (accept.contains("json") || accept.contains("problem"));
    }
}
