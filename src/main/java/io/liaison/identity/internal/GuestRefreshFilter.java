package io.liaison.identity.internal;

import io.liaison.identity.Guests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the session's guest on every request, as {@link ActorRefreshFilter} does for members: a
 * guest whose access ended is logged out by their next request, even one whose session another node
 * still held when {@link Guests#endAccess} deleted it.
 */
class GuestRefreshFilter extends OncePerRequestFilter {

    private final Guests guests;

    GuestRefreshFilter(Guests guests) {
        this.guests = guests;
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
        if (context.getAuthentication() instanceof GuestAuthentication auth) {
            var fresh = guests.find(auth.guest().orgId(), auth.guest().id());
            if (fresh.isPresent()) {
                context.setAuthentication(new GuestAuthentication(fresh.get()));
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
