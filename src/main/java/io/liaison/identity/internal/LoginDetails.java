package io.liaison.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The login page's optional organization code, with the client address. */
class LoginDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @Nullable String organization;

    LoginDetails(HttpServletRequest request) {
        super(request);
        this.organization = request.getParameter("organization");
    }

    @Nullable
    String organization() {
        return organization;
    }
}
