package io.liaison.task.web;

import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar in the navigation, for every member. */
@Configuration(proxyBeanMethods = false)
class CalendarNavigation {

    @Bean
    NavigationEntry calendarEntry() {
        return new NavigationEntry("nav.calendar", "/calendar", "calendar3", null, Menu.MAIN, 18);
    }
}
