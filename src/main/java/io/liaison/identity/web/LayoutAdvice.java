package io.liaison.identity.web;

import io.liaison.identity.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page, whichever module renders it: the member for the navbar and
 * the path for the active navigation entry. Pages without a member (login, errors) get {@code null}.
 */
@ControllerAdvice
class LayoutAdvice {

    @ModelAttribute("me")
    @Nullable
    Actor me(@Nullable Principal principal) {
        return principal instanceof Authentication auth && auth.getPrincipal() instanceof Actor actor ? actor : null;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
