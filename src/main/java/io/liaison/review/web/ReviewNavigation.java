package io.liaison.review.web;

import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review pages in every member's navigation: each sees the findings on the contacts they may see. */
@Configuration(proxyBeanMethods = false)
class ReviewNavigation {

    @Bean
    NavigationEntry reviewEntry() {
        return new NavigationEntry("nav.review", "/review", "clipboard-check", null, Menu.MAIN, 55);
    }
}
