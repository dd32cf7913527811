package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
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
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
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
                .map(ApiExceptionHandler::rule)
                .toList();
        return respond(problems.of(LiaisonException.invalid(errors), request));
    }

    /**
     * A Bean Validation constraint as one of our rules: its own message is English (and a binding
     * failure's names Java types), so the constraint's name picks the message code.
     */
    static LiaisonException.FieldError rule(FieldError f) {
        Object[] args = f.getArguments() == null ? new Object[0] : f.getArguments();
        String field = f.getField();
        if (f.isBindingFailure()) {
            return LiaisonException.FieldError.of(field, "invalid.wrong-type");
        }
        return switch (String.valueOf(f.getCode())) {
            case "NotNull", "NotBlank", "NotEmpty" -> LiaisonException.FieldError.of(field, "invalid.required");
            // Spring passes a constraint's attributes by name: max before min
            case "Size" ->
                args.length >= 3
                        ? LiaisonException.FieldError.of(field, "invalid.length", args[2], args[1])
                        : LiaisonException.FieldError.of(field, "invalid.value");
            case "Email" -> LiaisonException.FieldError.of(field, "invalid.email");
            default -> LiaisonException.FieldError.of(field, "invalid.value");
        };
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
                return respond(problems.of(LiaisonException.invalid(field, "invalid.not-changeable"), request));
            }
            return respond(problems.of(LiaisonException.invalid(field, "invalid.wrong-type"), request));
        }
        if (cause instanceof DatabindException) {
            return respond(problems.withDetail(
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    Message.of("problem.malformed-request.shape"),
                    request));
        }
        if (cause instanceof JacksonException json) {
            TokenStreamLocation at = json.getLocation();
            int line = at == null ? 1 : Math.max(at.getLineNr(), 1);
            int column = at == null ? 1 : Math.max(at.getColumnNr(), 1);
            return respond(problems.withDetail(
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    Message.of("problem.malformed-request.json", line, column),
                    request));
        }
        return respond(problems.of(HttpStatus.BAD_REQUEST, "malformed-request", request));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(problems.of(
                LiaisonException.invalid(e.getName(), "invalid.not-a-value", String.valueOf(e.getValue())), request));
    }

    /** A required query parameter or header left out names it, like any other invalid field. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(problems.of(LiaisonException.invalid(e.getParameterName(), "invalid.required"), request));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> missing(MissingRequestHeaderException e, HttpServletRequest request) {
        return respond(problems.of(LiaisonException.invalid(e.getHeaderName(), "invalid.required"), request));
    }

    /**
     * Spring's own exceptions (405, 415...) carry their status, and get the detail of the status in
     * the reader's language rather than Spring's English; anything else is a 500.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse framework) {
            log.debug("{} {} refused: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            ProblemDetail problem = problems.ofStatus(framework.getStatusCode().value(), request, arguments(framework));
            return ResponseEntity.status(problem.getStatus())
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
            return respond(problems.of(HttpStatus.BAD_REQUEST, "unstorable-value", request));
        }
        log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", request));
    }

    /** Spring's arguments of its detail (a method, media types), lists written out as words. */
    static Object[] arguments(ErrorResponse framework) {
        Object[] args = framework.getDetailMessageArguments();
        if (args == null) {
            return new Object[0];
        }
        return Arrays.stream(args)
                .map(a -> a instanceof Collection<?> c
                        ? c.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        : String.valueOf(a))
                .toArray();
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
