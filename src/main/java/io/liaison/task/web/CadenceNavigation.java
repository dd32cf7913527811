package io.liaison.task.web;

import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contacts due for a touch, in the navigation's "More" menu. */
@Configuration(proxyBeanMethods = false)
class CadenceNavigation {

    @Bean
    NavigationEntry cadencesDueEntry() {
        return new NavigationEntry("nav.cadencesDue", "/cadences/due", "hourglass-split", null, Menu.MORE, 7);
    }
}
