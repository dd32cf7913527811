package io.liaison.identity.web;

import io.liaison.identity.IdentityPermissions;
import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity module's pages in the navigation: members, departments, roles and the member's own. */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavigationEntry membersEntry() {
        return new NavigationEntry("nav.members", "/members", "people", null, Menu.MAIN, 30);
    }

    @Bean
    NavigationEntry departmentsEntry() {
        return new NavigationEntry("nav.departments", "/departments", "diagram-3", null, Menu.MAIN, 40);
    }

    @Bean
    NavigationEntry rolesEntry() {
        return new NavigationEntry(
                "nav.roles", "/roles", "shield-lock", IdentityPermissions.ROLE_MANAGE.code(), Menu.MORE, 20);
    }

    @Bean
    NavigationEntry profileEntry() {
        return new NavigationEntry("nav.profile", "/profile", "person-circle", null, Menu.ACCOUNT, 10);
    }

    @Bean
    NavigationEntry tokensEntry() {
        return new NavigationEntry("nav.tokens", "/tokens", "key", null, Menu.ACCOUNT, 20);
    }
}
