package io.liaison.push.web;

import io.liaison.push.PushPermissions;
import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pushes in the navigation's "More", first, for the members who may send them. */
@Configuration(proxyBeanMethods = false)
class PushNavigation {

    @Bean
    NavigationEntry pushesEntry() {
        return new NavigationEntry("nav.pushes", "/pushes", "megaphone", PushPermissions.SEND.code(), Menu.MORE, 5);
    }
}
