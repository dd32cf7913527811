package io.liaison.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the session's principal on every request, so that a change to who they are applies to
 * their next click, not to their next login; one that is gone is logged out at once, even where
 * another node still held the session. Static files need no principal: loading one for each would
 * cost a query per stylesheet.
 */
abstract class SessionRefreshFilter<A extends Authentication> extends OncePerRequestFilter {

    private final Class<A> type;

    SessionRefreshFilter(Class<A> type) {
        this.type = type;
    }

    /** The principal as the database has it now; empty when they may no longer be signed in. */
    abstract Optional<A> reload(A current);

    /** Whether this request's principal was loaded already (a token's, just now). */
    boolean fresh(HttpServletRequest request) {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var context = SecurityContextHolder.getContext();
        if (type.isInstance(context.getAuthentication()) && !fresh(request)) {
            Optional<A> now = reload(type.cast(context.getAuthentication()));
            if (now.isPresent()) {
                context.setAuthentication(now.get());
            } else {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
