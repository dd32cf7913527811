package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers written before Spring MVC runs, for requests Tomcat refused ({@link ContainerErrors}) or
 * whose text is refused ({@link RequestText}), where an error dispatch would read the bad request
 * again: a problem in JSON for the API, the error page for people, in the language of the
 * {@code liaison-lang} cookie or Accept-Language (no member is known this early).
 */
@Component
class ErrorBodies {

    record Body(String contentType, String text) {}

    private final MessageSource messages;
    private final Problems problems;
    private final JsonMapper json;
    private final SpringTemplateEngine templates;
    private final ServletContext servlet;
    private final JakartaServletWebApplication application;

    ErrorBodies(
            MessageSource messages,
            Problems problems,
            JsonMapper json,
            SpringTemplateEngine templates,
            ServletContext servlet) {
        this.messages = messages;
        this.problems = problems;
        this.json = json;
        this.templates = templates;
        this.servlet = servlet;
        this.application = JakartaServletWebApplication.buildApplication(servlet);
    }

    /** The answer to a request Tomcat refused with {@code code} before any servlet ran. */
    Body refusedByTomcat(HttpServletRequest request, HttpServletResponse response, int code) {
        HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
        Locale locale = locale(request);
        String slug = problems.slug(status, locale);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(messages.getMessage("problem." + slug + ".title", null, locale));
        problem.setDetail(messages.getMessage("problem.container-refused.detail", null, locale));
        String path = request.getRequestURI();
        if (path != null && !path.isEmpty()) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // the refused address is not a URI; the problem goes without an instance
            }
        }
        return body(request, response, problem, locale);
    }

    /** Writes the refusal of a request's text straight to the response. */
    void write(HttpServletRequest request, HttpServletResponse response, LiaisonException refused) throws IOException {
        Locale locale = locale(request);
        Body body = body(request, response, problems.of(refused, request, locale), locale);
        response.setStatus(refused.status().value());
        response.setContentType(body.contentType());
        response.getOutputStream().write(body.text().getBytes(StandardCharsets.UTF_8));
    }

    private Body body(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, Locale locale) {
        String path = request.getRequestURI() == null ? "" : request.getRequestURI();
        // A request line too long to read has no path: its sender is a program rather than a browser.
        if (path.isEmpty() || ErrorPages.wantsJson(request, path)) {
            return new Body(Problems.PROBLEM_JSON + ";charset=UTF-8", json.writeValueAsString(problem));
        }
        // Tomcat may not have mapped the request to the application yet: the page needs the
        // application's context for its links, and attributes of its own.
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest mapped = new HttpServletRequestWrapper(request) {
            @Override
            public ServletContext getServletContext() {
                return servlet;
            }

            @Override
            public @Nullable Object getAttribute(String name) {
                return attributes.get(name);
            }

            @Override
            public Enumeration<String> getAttributeNames() {
                return Collections.enumeration(attributes.keySet());
            }

            @Override
            public void setAttribute(String name, Object value) {
                attributes.put(name, value);
            }

            @Override
            public void removeAttribute(String name) {
                attributes.remove(name);
            }

            @Override
            public String getContextPath() {
                return servlet.getContextPath();
            }
        };
        HttpServletResponse plain = new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                return url;
            }
        };
        WebContext context =
                new WebContext(application.buildExchange(mapped, plain), locale, Map.of("problem", problem));
        return new Body("text/html;charset=UTF-8", templates.process("error", context));
    }

    static Locale locale(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if ("liaison-lang".equals(cookie.getName())) {
                    return cookie.getValue().toLowerCase(Locale.ROOT).startsWith("zh")
                            ? Locale.SIMPLIFIED_CHINESE
                            : Locale.ENGLISH;
                }
            }
        }
        return locale(request.getHeader("Accept-Language"));
    }

    /** Simplified Chinese when the browser asks for Chinese before English, else English. */
    static Locale locale(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
                if (tag.startsWith("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // an unreadable Accept-Language reads as none
        }
        return Locale.ENGLISH;
    }
}
