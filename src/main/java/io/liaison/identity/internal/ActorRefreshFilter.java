package io.liaison.identity.internal;

import io.liaison.identity.MemberService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the session's member on every request, so that a deactivation, a new role or a new
 * department applies to the next click, not to the next login.
 */
class ActorRefreshFilter extends OncePerRequestFilter {

    /** Request attribute set by a filter that has just loaded the actor, which needs no second load. */
    static final String LOADED = ActorRefreshFilter.class.getName() + ".LOADED";

    private final MemberService members;

    ActorRefreshFilter(MemberService members) {
        this.members = members;
    }

    /** Static files need no actor; loading one for each would cost a query per stylesheet. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var context = SecurityContextHolder.getContext();
        if (context.getAuthentication() instanceof ActorAuthentication auth && request.getAttribute(LOADED) == null) {
            var fresh = members.actor(auth.actor().orgId(), auth.actor().memberId());
            if (fresh.isPresent()) {
                context.setAuthentication(new ActorAuthentication(fresh.get()));
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
