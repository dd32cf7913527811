package io.liaison.identity.internal;

import io.liaison.identity.Guest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Logs a guest in who has just accepted an invitation, as the guests' login page would. */
@Component
public class GuestSignIn {

    private final GuestSessions sessions;

    GuestSignIn(GuestSessions sessions) {
        this.sessions = sessions;
    }

    public void signIn(Guest guest, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new GuestAuthentication(guest));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
