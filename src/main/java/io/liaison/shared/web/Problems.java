package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
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

    private static final String OTHER = "http-other";

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
        ProblemDetail problem = problem(e.status(), e.type(), e.detail(), request, locale);
        return e.errors().isEmpty() ? problem : withErrors(problem, e.errors(), locale);
    }

    /** A problem whose detail is {@code problem.<slug>.detail} filled with {@code args}. */
    public ProblemDetail of(HttpStatus status, String slug, @Nullable HttpServletRequest request, Object... args) {
        return withDetail(status, slug, Message.of("problem." + slug + ".detail", args), request);
    }

    /** As {@link #of(HttpStatus, String, HttpServletRequest, Object...)}, with another of its details. */
    public ProblemDetail withDetail(
            HttpStatus status, String slug, Message detail, @Nullable HttpServletRequest request) {
        return problem(status, slug, detail, request, LocaleContextHolder.getLocale());
    }

    /**
     * A problem for an HTTP status that Spring or Tomcat answered: {@code http-<status>} when the
     * bundles say that status in words, else {@code http-other} naming its number. {@code args} fill
     * the detail (the method or media type that was refused, and those accepted).
     */
    public ProblemDetail ofStatus(int status, @Nullable HttpServletRequest request, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        HttpStatus known = HttpStatus.resolve(status) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(status);
        String slug = slug(known, locale);
        Message detail = slug.equals(OTHER)
                ? Message.of("problem.http-other.detail", String.valueOf(status))
                : Message.of("problem." + slug + ".detail", args);
        return problem(known, slug, detail, request, locale);
    }

    /** {@code http-<status>} when the bundles say that status in words, else {@code http-other}. */
    String slug(HttpStatus status, Locale locale) {
        String slug = "http-" + status.value();
        // a test for the key, not a text: no bundle says every status
        return messages.getMessage("problem." + slug + ".title", null, null, locale) == null ? OTHER : slug;
    }

    private ProblemDetail problem(
            HttpStatus status, String slug, Message detail, @Nullable HttpServletRequest request, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(messages.getMessage("problem." + slug + ".title", null, locale));
        problem.setDetail(messages.getMessage(detail, locale));
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        return problem;
    }

    /**
     * Lists the invalid fields as {@code errors}: each with its name in the API ({@code field}), the
     * code of its rule ({@code code}) and what is wrong in the reader's language ({@code message}).
     */
    private ProblemDetail withErrors(ProblemDetail problem, List<LiaisonException.FieldError> errors, Locale locale) {
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(f -> Map.of(
                                "field",
                                f.field(),
                                "code",
                                f.rule().code(),
                                "message",
                                messages.getMessage(f.rule(), locale)))
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
