package io.liaison.identity.internal;

import io.liaison.identity.Guests;
import java.util.Optional;

/** Reloads the session's guest on every request: a guest whose access ended is logged out by their next one. */
class GuestRefreshFilter extends SessionRefreshFilter<GuestAuthentication> {

    private final Guests guests;

    GuestRefreshFilter(Guests guests) {
        super(GuestAuthentication.class);
        this.guests = guests;
    }

    @Override
    Optional<GuestAuthentication> reload(GuestAuthentication current) {
        return guests.find(current.guest().orgId(), current.guest().id()).map(GuestAuthentication::new);
    }
}
