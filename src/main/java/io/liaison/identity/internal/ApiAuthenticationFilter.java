package io.liaison.identity.internal;

import io.liaison.identity.LoginChannel;
import io.liaison.identity.LoginService;
import io.liaison.identity.TokenService;
import io.liaison.shared.Message;
import io.liaison.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls: a bearer token everywhere; HTTP Basic with login and password only on
 * {@code POST /api/v1/tokens}, so that a script can get its first token. A bad credential is a 401
 * that says what was wrong; too many failed Basic attempts a 429 with Retry-After. A successful Basic
 * login gets a device cookie, as on the login page.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String TOKEN_PATH = "/api/v1/tokens";

    private final TokenService tokens;
    private final LoginService logins;
    private final Problems problems;
    private final Duration deviceLifetime;

    ApiAuthenticationFilter(TokenService tokens, LoginService logins, Problems problems, Duration deviceLifetime) {
        this.tokens = tokens;
        this.logins = logins;
        this.problems = problems;
        this.deviceLifetime = deviceLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String scheme = header.contains(" ") ? header.substring(0, header.indexOf(' ')) : header;
        String value = header.substring(scheme.length()).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            var actor = tokens.authenticate(value);
            if (actor.isEmpty()) {
                unauthorized(request, response, "invalid-token", "problem.invalid-token.detail");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor.get()));
            request.setAttribute(ActorRefreshFilter.LOADED, Boolean.TRUE);
        } else if (scheme.equalsIgnoreCase("Basic")) {
            if (!("POST".equals(request.getMethod()) && TOKEN_PATH.equals(request.getRequestURI()))) {
                unauthorized(request, response, "basic-not-accepted", "problem.basic-not-accepted.detail");
                return;
            }
            if (!basic(value, request, response)) {
                return;
            }
        } else {
            unauthorized(request, response, "invalid-token", "problem.invalid-token.scheme");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean basic(String encoded, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var credentials = BasicCredentials.parse(encoded);
        if (credentials.isEmpty()) {
            unauthorized(request, response, "bad-credentials", "problem.bad-credentials.basic");
            return false;
        }
        BasicCredentials given = credentials.get();
        try {
            String deviceToken = DeviceCookie.read(request);
            var actor = logins.login(
                    given.organization(),
                    given.login(),
                    given.password(),
                    request.getRemoteAddr(),
                    deviceToken,
                    LoginChannel.BASIC);
            SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor));
            DeviceCookie.write(request, response, logins.rememberDevice(actor, deviceToken), deviceLifetime);
            return true;
        } catch (LoginService.LoginRefusedException e) {
            String slug = e.ambiguous() ? "ambiguous-login" : "bad-credentials";
            unauthorized(request, response, slug, "problem." + slug + ".detail");
        } catch (LoginService.LoginThrottledException e) {
            long seconds = e.retryAfter().toSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(response, problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-logins", request, seconds));
        }
        return false;
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, String slug, String detail)
            throws IOException {
        SecurityContextHolder.clearContext();
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problems.write(
                response, problems.withDetail(HttpStatus.UNAUTHORIZED, slug, Message.of(detail, TOKEN_PATH), request));
    }
}
