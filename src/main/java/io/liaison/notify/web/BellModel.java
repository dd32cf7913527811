package io.liaison.notify.web;

import io.liaison.identity.Actor;
import io.liaison.notify.Notifications;
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
 * The bell's count on every page a member sees, so that it is right before the live stream
 * connects; added once a handler chose a view, like the layout's own model.
 */
@Configuration(proxyBeanMethods = false)
class BellModel implements WebMvcConfigurer, HandlerInterceptor {

    private final Notifications notifications;

    BellModel(Notifications notifications) {
        this.notifications = notifications;
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
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            view.getModelMap().putIfAbsent("unreadNotifications", notifications.unread(actor));
        }
    }
}
