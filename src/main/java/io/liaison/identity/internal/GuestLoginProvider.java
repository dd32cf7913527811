package io.liaison.identity.internal;

import io.liaison.identity.Guests;
import io.liaison.identity.LoginService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Checks the guests' login page's credentials through {@link Guests}; members are never found here. */
class GuestLoginProvider implements AuthenticationProvider {

    private final Guests guests;

    GuestLoginProvider(Guests guests) {
        this.guests = guests;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        LoginDetails details = (LoginDetails) authentication.getDetails();
        try {
            return new GuestAuthentication(guests.login(
                    details.organization(),
                    authentication.getName(),
                    String.valueOf(authentication.getCredentials()),
                    details.getRemoteAddress()));
        } catch (LoginService.LoginRefusedException e) {
            throw new FormLoginProvider.Refused("error", e);
        } catch (LoginService.LoginThrottledException e) {
            throw new FormLoginProvider.Refused("throttled=" + e.retryAfter().toSeconds(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
