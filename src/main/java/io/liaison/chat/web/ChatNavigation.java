package io.liaison.chat.web;

import io.liaison.chat.ChatUsers;
import io.liaison.chat.conversation.Participation;
import io.liaison.identity.Actor;
import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import io.liaison.shared.web.RenderedPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The chats in every member's navigation, with the number of messages they have not read on every
 * page they see (the layout's {@code navigationBadges}, by path); the chat page keeps it current.
 */
@Configuration(proxyBeanMethods = false)
class ChatNavigation implements WebMvcConfigurer, HandlerInterceptor {

    static final String PATH = "/chats";

    private final Participation participation;
    private final ChatUsers users;

    ChatNavigation(Participation participation, ChatUsers users) {
        this.participation = participation;
        this.users = users;
    }

    @Bean
    NavigationEntry chatsEntry() {
        return new NavigationEntry("nav.chats", PATH, "chat-dots", null, Menu.MAIN, 15);
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
            view.getModelMap().putIfAbsent("navigationBadges", Map.of(PATH, participation.unread(users.of(actor))));
        }
    }
}
