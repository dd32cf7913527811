package io.liaison.task.web;

import io.liaison.identity.Actor;
import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import io.liaison.shared.web.RenderedPages;
import io.liaison.task.core.TaskAgenda;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.HashMap;
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
 * The tasks in every member's navigation, with the number of their overdue tasks on every page they
 * see, added to the badges other modules give ({@code navigationBadges}, by path).
 */
@Configuration(proxyBeanMethods = false)
class TaskNavigation implements WebMvcConfigurer, HandlerInterceptor {

    static final String PATH = "/tasks";

    private final TaskAgenda agenda;

    TaskNavigation(TaskAgenda agenda) {
        this.agenda = agenda;
    }

    @Bean
    NavigationEntry tasksEntry() {
        return new NavigationEntry("nav.tasks", PATH, "check2-square", null, Menu.MAIN, 17);
    }

    /** Before the others, so that it runs after them on the way back and adds to the badges they put. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(-1);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView view) {
        if (!RenderedPages.renders(view)) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            Map<String, Object> badges = new HashMap<>();
            if (view.getModelMap().get("navigationBadges") instanceof Map<?, ?> others) {
                others.forEach((path, count) -> badges.put(String.valueOf(path), count));
            }
            badges.put(PATH, agenda.overdueCount(actor, Instant.now()));
            view.getModelMap().put("navigationBadges", badges);
        }
    }
}
