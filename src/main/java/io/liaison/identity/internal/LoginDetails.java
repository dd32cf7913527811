package io.liaison.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login page's optional organization code and the client's device cookie, with the client
 * address. The details are kept in the session; the device token is not.
 */
class LoginDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @Nullable String organization;
    private final transient @Nullable String deviceToken;

    LoginDetails(HttpServletRequest request) {
        super(request);
        this.organization = request.getParameter("organization");
        this.deviceToken = DeviceCookie.read(request);
    }

    @Nullable
    String organization() {
        return organization;
    }

    @Nullable
    String deviceToken() {
        return deviceToken;
    }
}
