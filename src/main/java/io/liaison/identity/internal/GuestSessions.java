package io.liaison.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests the guests' security chain serves, and what it reads from a session. It serves
 * {@code /guest/**} and every request of a guest's session without an {@code Authorization} header,
 * whatever its path, so that a guest never reaches the members' chains; and it sees only a guest in
 * a session, so that a member's session is nobody on guests' pages (and stays the member's).
 */
final class GuestSessions implements SecurityContextRepository, RequestMatcher {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/guest") || path.startsWith("/guest/")) {
            return true;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestedSessionId() == null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                && context.getAuthentication() instanceof GuestAuthentication;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return guestOnly(stored.get());
            }

            @Override
            public boolean isGenerated() {
                return stored.isGenerated() || !(stored.get().getAuthentication() instanceof GuestAuthentication);
            }
        };
    }

    /** Required by the interface; Spring Security calls {@link #loadDeferredContext} instead. */
    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return guestOnly(sessions.loadContext(holder));
    }

    private static SecurityContext guestOnly(SecurityContext context) {
        return context.getAuthentication() instanceof GuestAuthentication
                ? context
                : SecurityContextHolder.createEmptyContext();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        sessions.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }
}
