package io.liaison.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.util.WebUtils;

/**
 * The cookie by which a client that logged in as a member is known again (OWASP "device cookies"), so
 * that strangers' failed logins do not lock the member out of it. Script-proof (HttpOnly), sent only
 * by the site's own pages (SameSite=Strict), and only over HTTPS when it came over HTTPS.
 */
final class DeviceCookie {

    static final String NAME = "LIAISON_DEVICE";

    private DeviceCookie() {}

    static @Nullable String read(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, NAME);
        return cookie == null ? null : cookie.getValue();
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String token, Duration lifetime) {
        ResponseCookie cookie = ResponseCookie.from(NAME, token)
                .path(request.getContextPath() + "/")
                .maxAge(lifetime)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
