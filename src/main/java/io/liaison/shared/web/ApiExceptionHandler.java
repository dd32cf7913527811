package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every failure of a REST controller into problem details; a 500 never shows a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> liaison(LiaisonException e, HttpServletRequest request) {
        return respond(problems.of(e, request));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<LiaisonException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                // a binding failure's own message names Java types; ours says what is wrong
                .map(f -> new LiaisonException.FieldError(
                        f.getField(),
                        f.isBindingFailure() ? "has the wrong type" : String.valueOf(f.getDefaultMessage())))
                .toList();
        String summary = errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid.");
        return respond(problems.withErrors(
                problems.of(HttpStatus.BAD_REQUEST, "validation", summary, request, summary), errors));
    }

    /** Jackson's own messages name Java types and classes, so the answer says it in our words. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        log.debug("Unreadable body of {} {}: {}", request.getMethod(), request.getRequestURI(), cause.getMessage());
        if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String field = bind.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining())
                    .replaceFirst("^\\.", "");
            if (bind instanceof UnrecognizedPropertyException) {
                return respond(problems.of(
                        LiaisonException.invalid(field, "is not a field that can be changed here"), request));
            }
            return respond(problems.withErrors(
                    problems.of(
                            HttpStatus.BAD_REQUEST,
                            "validation",
                            field + ": has the wrong type",
                            request,
                            field + ": has the wrong type"),
                    List.of(new LiaisonException.FieldError(field, "has the wrong type"))));
        }
        if (cause instanceof DatabindException) {
            return respond(problems.withDetail(
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    "problem.malformed-request.shape",
                    "The request body must be a JSON object.",
                    request));
        }
        if (cause instanceof JacksonException json) {
            TokenStreamLocation at = json.getLocation();
            int line = at == null ? 1 : Math.max(at.getLineNr(), 1);
            int column = at == null ? 1 : Math.max(at.getColumnNr(), 1);
            return respond(problems.withDetail(
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    "problem.malformed-request.json",
                    "The request body is not valid JSON (line {0}, column {1}).",
                    request,
                    line,
                    column));
        }
        return respond(
                problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "The request needs a JSON body.", request));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String message = "'" + e.getValue() + "' is not a valid value";
        return respond(problems.of(LiaisonException.invalid(e.getName(), message), request));
    }

    /** Spring's own exceptions (405, 415, missing parameters...) carry their status; anything else is a 500. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse framework) {
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            String detail = framework.getBody().getDetail() == null
                    ? status.getReasonPhrase()
                    : framework.getBody().getDetail();
            ProblemDetail problem = problems.of(status, "http-" + status.value(), detail, request);
            return ResponseEntity.status(status)
                    .headers(framework.getHeaders())
                    .contentType(Problems.PROBLEM_JSON)
                    .body(problem);
        }
        if (dataException(e)) {
            // PostgreSQL refused a value of the request that no check above caught: still the request's fault
            log.warn(
                    "Request {} {} holds a value the database refuses",
                    request.getMethod(),
                    request.getRequestURI(),
                    e);
            return respond(problems.of(
                    HttpStatus.BAD_REQUEST,
                    "unstorable-value",
                    "A value of the request cannot be stored: it is out of range or holds characters that cannot be"
                            + " stored.",
                    request));
        }
        log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Something went wrong on the server; it has been logged.",
                request));
    }

    /** Whether a cause is an SQL data exception (class 22: out of range, invalid text, overflow). */
    private static boolean dataException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(Problems.PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
