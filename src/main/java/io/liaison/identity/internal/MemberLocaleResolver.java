package io.liaison.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * The language of a request: the member's saved choice, else the language chosen on the login page
 * (a cookie), else a guest's organization's language, else the browser's Accept-Language. Simplified
 * Chinese and English are offered.
 *
 * <p>And its time zone, the one way a page learns the zone of its viewer ({@code
 * LocaleContextHolder}, which {@code shared.web.ViewerTimes} reads): the member's own, else their
 * organization's; none for a page without a member.
 */
class MemberLocaleResolver implements LocaleContextResolver {

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        return new TimeZoneAwareLocaleContext() {
            @Override
            public Locale getLocale() {
                return resolveLocale(request);
            }

            @Override
            public @Nullable TimeZone getTimeZone() {
                return SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication auth
                        ? TimeZone.getTimeZone(auth.actor().timeZone())
                        : null;
            }
        };
    }

    /** The language only: the zone is the member's or their organization's setting, never a request's. */
    @Override
    public void setLocaleContext(
            HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable LocaleContext context) {
        setLocale(request, response, context == null ? null : context.getLocale());
    }

    static final String COOKIE = "liaison-lang";
    /** The language chosen during this request, which its own cookie only carries from the next one on. */
    private static final String CHOSEN = MemberLocaleResolver.class.getName() + ".CHOSEN";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication auth
                && auth.actor().locale() != null) {
            return toLocale(auth.actor().locale());
        }
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return toLocale(cookie.getValue());
                }
            }
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof GuestAuthentication auth) {
            return toLocale(auth.guest().locale());
        }
        String accept = request.getHeader("Accept-Language");
        if (accept == null || accept.isBlank()) {
            return Locale.ENGLISH;
        }
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.startsWith("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if (tag.startsWith("en")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (locale != null) {
            request.setAttribute(CHOSEN, toLocale(tag(locale)));
        }
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, locale == null ? "" : tag(locale));
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(locale == null ? 0 : 365 * 24 * 3600);
        response.addCookie(cookie);
    }

    static Locale toLocale(@Nullable String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("zh")
                ? Locale.SIMPLIFIED_CHINESE
                : Locale.ENGLISH;
    }

    static String tag(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }
}
