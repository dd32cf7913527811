package io.liaison.identity.internal;

import io.liaison.identity.MemberService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the member's own pages (the chat) call the API with their session: a request without an
 * {@code Authorization} header is the session's member only when it carries the page's CSRF token in
 * its header, which another site cannot read, so a cookie alone authenticates nothing; but for
 * reading a chat file's bytes, which an image or a download link asks for without headers and which
 * changes nothing. The member is loaded again, as on every page, so that a deactivation applies at
 * once.
 */
class PageSessionApiFilter extends OncePerRequestFilter {

    private static final Pattern FILE = Pattern.compile("/api/v1/files/[0-9a-fA-F-]{36}(/thumbnail)?");

    private final MemberService members;
    private final HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();
    private final RequestAttributeSecurityContextRepository requestContexts =
            new RequestAttributeSecurityContextRepository();

    PageSessionApiFilter(MemberService members) {
        this.members = members;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getRequestedSessionId() != null) {
            authenticate(request, response);
        }
        chain.doFilter(request, response);
    }

    private void authenticate(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null
                || !(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context)
                || !(context.getAuthentication() instanceof ActorAuthentication stored)) {
            return;
        }
        if (!fileRead(request) && !pageToken(request)) {
            return;
        }
        members.actor(stored.actor().orgId(), stored.actor().memberId()).ifPresent(actor -> {
            SecurityContext now = SecurityContextHolder.getContext();
            now.setAuthentication(new ActorAuthentication(actor));
            request.setAttribute(ActorRefreshFilter.LOADED, Boolean.TRUE);
            // known to the chain's repository as this request's, so that session management does not
            // take it for a new login and change the session's id under the page's other requests
            requestContexts.saveContext(now, request, response);
        });
    }

    private static boolean fileRead(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method))
                && FILE.matcher(request.getRequestURI()
                                .substring(request.getContextPath().length()))
                        .matches();
    }

    private boolean pageToken(HttpServletRequest request) {
        CsrfToken expected = tokens.loadToken(request);
        if (expected == null || request.getHeader(expected.getHeaderName()) == null) {
            return false;
        }
        String given = masked.resolveCsrfTokenValue(request, expected);
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8),
                        expected.getToken().getBytes(StandardCharsets.UTF_8));
    }
}
