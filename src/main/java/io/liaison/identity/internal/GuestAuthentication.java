package io.liaison.identity.internal;

import io.liaison.identity.Guest;
import io.liaison.identity.Guests;
import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated guest: its principal is a {@link Guest}, never an actor, and its only authority
 * {@code ROLE_GUEST}, which no member has. Its name ({@code guest:<id>}) lets {@link
 * Guests#endAccess} find and delete its sessions.
 */
public class GuestAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ROLE = "GUEST";

    private final Guest guest;

    public GuestAuthentication(Guest guest) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.guest = guest;
        setAuthenticated(true);
    }

    public Guest guest() {
        return guest;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return guest;
    }

    @Override
    public String getName() {
        return Guests.principalName(guest.id());
    }
}
