package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details in the user's language: type {@code /problems/<slug>}, a title per
 * slug, and a detail that says what was wrong.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /** What a field's message says when all it had was a library's words. */
    static final String UNREADABLE = "cannot be read";

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail of(LiaisonException e, @Nullable HttpServletRequest request) {
        return of(e, request, LocaleContextHolder.getLocale());
    }

    /** As {@link #of(LiaisonException, HttpServletRequest)}, for answers written before Spring knows the locale. */
    ProblemDetail of(LiaisonException e, @Nullable HttpServletRequest request, Locale locale) {
        ProblemDetail problem = problem(
                e.status(), e.type(), "problem." + e.type() + ".detail", e.getMessage(), request, locale, e.args());
        return e.errors().isEmpty() ? problem : withErrors(problem, e.errors());
    }

    /** A problem whose detail is {@code problem.<slug>.detail} filled with {@code args}, else the fallback. */
    public ProblemDetail of(
            HttpStatus status, String slug, String fallback, @Nullable HttpServletRequest request, Object... args) {
        return withDetail(status, slug, "problem." + slug + ".detail", fallback, request, args);
    }

    /** As {@link #of(HttpStatus, String, String, HttpServletRequest, Object...)}, with one of its details. */
    public ProblemDetail withDetail(
            HttpStatus status,
            String slug,
            String detailKey,
            String fallback,
            @Nullable HttpServletRequest request,
            Object... args) {
        return problem(status, slug, detailKey, fallback, request, LocaleContextHolder.getLocale(), args);
    }

    private ProblemDetail problem(
            HttpStatus status,
            String slug,
            String detailKey,
            String fallback,
            @Nullable HttpServletRequest request,
            Locale locale,
            Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(messages.getMessage("problem." + slug + ".title", null, status.getReasonPhrase(), locale));
        problem.setDetail(
                CodeNames.clean(messages.getMessage(detailKey, args, fallback, locale), status.getReasonPhrase()));
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        return problem;
    }

    public ProblemDetail withErrors(ProblemDetail problem, List<LiaisonException.FieldError> errors) {
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(f -> Map.of("field", f.field(), "message", CodeNames.clean(f.message(), UNREADABLE)))
                        .toList());
        return problem;
    }

    /** Writes a problem straight to the response, for filters that answer before any controller. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }
}
