package io.liaison.identity.internal;

import io.liaison.identity.LoginChannel;
import io.liaison.identity.LoginService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Checks the login page's credentials through {@link LoginService}. */
class FormLoginProvider implements AuthenticationProvider {

    private final LoginService logins;

    FormLoginProvider(LoginService logins) {
        this.logins = logins;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        LoginDetails details = (LoginDetails) authentication.getDetails();
        try {
            return new ActorAuthentication(logins.login(
                    details.organization(),
                    authentication.getName(),
                    String.valueOf(authentication.getCredentials()),
                    details.getRemoteAddress(),
                    details.deviceToken(),
                    LoginChannel.FORM));
        } catch (LoginService.LoginRefusedException e) {
            throw new Refused(e.ambiguous() ? "ambiguous" : "error", e);
        } catch (LoginService.LoginThrottledException e) {
            throw new Refused("throttled=" + e.retryAfter().toSeconds(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A refused login; {@code query} is what the login page is told. */
    static class Refused extends BadCredentialsException {

        private final String query;

        Refused(String query, Exception cause) {
            super(cause.getMessage(), cause);
            this.query = query;
        }

        static String queryOf(AuthenticationException e) {
            return e instanceof Refused r ? r.query : "error";
        }
    }
}
