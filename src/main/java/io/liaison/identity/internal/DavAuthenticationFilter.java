package io.liaison.identity.internal;

import io.liaison.identity.LoginService;
import io.liaison.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates CardDAV requests by HTTP Basic: the user name is the member's login (or {@code
 * org/login} where the login exists in several organizations), the password an app password. Failed
 * attempts count against the login limits like failed passwords; over them the answer is a 429 with
 * Retry-After. A bearer token is refused: API tokens never open the address book.
 */
class DavAuthenticationFilter extends OncePerRequestFilter {

    private final LoginService logins;
    private final Problems problems;

    DavAuthenticationFilter(LoginService logins, Problems problems) {
        this.logins = logins;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            DavSecurityConfiguration.challenge(problems, request, response, "problem.dav.basic-only");
            return;
        }
        var credentials = BasicCredentials.parse(header.substring(6));
        if (credentials.isEmpty()) {
            DavSecurityConfiguration.challenge(problems, request, response, "problem.dav.credentials");
            return;
        }
        BasicCredentials given = credentials.get();
        try {
            var actor =
                    logins.appPassword(given.organization(), given.login(), given.password(), request.getRemoteAddr());
            SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor));
            request.setAttribute(ActorRefreshFilter.LOADED, Boolean.TRUE);
        } catch (LoginService.LoginRefusedException e) {
            DavSecurityConfiguration.challenge(
                    problems, request, response, e.ambiguous() ? "problem.dav.ambiguous" : "problem.dav.credentials");
            return;
        } catch (LoginService.LoginThrottledException e) {
            long seconds = e.retryAfter().toSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(response, problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-logins", request, seconds));
            return;
        }
        chain.doFilter(request, response);
    }
}
