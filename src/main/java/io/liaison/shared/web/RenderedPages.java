package io.liaison.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Whether a handler's answer is a page to render: the interceptors that add the layout's figures
 * (navigation, the bell, the chats' badge) skip redirects and answers without a view.
 */
public final class RenderedPages {

    private RenderedPages() {}

    public static boolean renders(@Nullable ModelAndView view) {
        if (view == null || view.wasCleared()) {
            return false;
        }
        String name = view.getViewName();
        return name != null
                ? !name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
                : !(view.getView() instanceof SmartView smart && smart.isRedirectView());
    }
}
