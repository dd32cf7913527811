package io.liaison.identity.web;

import io.liaison.identity.Actor;
import io.liaison.shared.web.Navigation;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page, whichever module renders it: the member for the navbar, the
 * path, and the navigation entries the member may see with the current one. Pages without a member
 * (login, errors) get {@code null} and only the entries that need no permission.
 */
@ControllerAdvice
class LayoutAdvice {

    private final Navigation navigation;

    LayoutAdvice(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute("me")
    @Nullable
    Actor me(@Nullable Principal principal) {
        return principal instanceof Authentication auth && auth.getPrincipal() instanceof Actor actor ? actor : null;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("navigation")
    Navigation.Menus navigation(@Nullable Principal principal, HttpServletRequest request) {
        Actor actor = me(principal);
        return navigation.visible(code -> actor != null && actor.may(code), currentPath(request));
    }
}
