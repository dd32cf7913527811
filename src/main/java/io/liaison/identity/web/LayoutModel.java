package io.liaison.identity.web;

import io.liaison.identity.Actor;
import io.liaison.shared.web.Navigation;
import io.liaison.shared.web.RenderedPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the layout needs on every page, whichever module renders it: the member for the navbar, the
 * path, and the navigation entries the member may see with the current one. Pages without a member
 * (login, errors) get {@code null} and only the entries that need no permission. Added once a
 * handler has chosen a view to render, so that API answers and redirects do not compute them
 * (as {@code @ModelAttribute} methods of an advice, they ran on every API request).
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer, HandlerInterceptor {

    private final Navigation navigation;

    LayoutModel(Navigation navigation) {
        this.navigation = navigation;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView view) {
        if (!RenderedPages.renders(view)) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Actor actor = auth != null && auth.getPrincipal() instanceof Actor a ? a : null;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var model = view.getModelMap();
        model.putIfAbsent("me", actor);
        model.putIfAbsent("currentPath", path);
        model.putIfAbsent("navigation", navigation.visible(code -> actor != null && actor.may(code), path));
    }
}
