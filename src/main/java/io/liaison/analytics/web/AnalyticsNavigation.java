package io.liaison.analytics.web;

import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analytics module's place in the navigation: the home page, first for every member. */
@Configuration(proxyBeanMethods = false)
class AnalyticsNavigation {

    @Bean
    NavigationEntry homeEntry() {
        return new NavigationEntry("nav.home", "/", "house", null, Menu.MAIN, 10);
    }
}
