package io.liaison.analytics.web;

import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analytics page in every member's navigation: each reads the figures their data scope covers. */
@Configuration(proxyBeanMethods = false)
class ReportNavigation {

    @Bean
    NavigationEntry analyticsEntry() {
        return new NavigationEntry("nav.analytics", "/analytics", "graph-up", null, Menu.MAIN, 60);
    }
}
