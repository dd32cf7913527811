package io.liaison.contact.web;

import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contact module's pages in the navigation: contacts, tags, the trash and custom fields. */
@Configuration(proxyBeanMethods = false)
class ContactNavigation {

    @Bean
    NavigationEntry contactsEntry() {
        return new NavigationEntry("nav.contacts", "/contacts", "person-lines-fill", null, Menu.MAIN, 20);
    }

    @Bean
    NavigationEntry tagsEntry() {
        return new NavigationEntry("nav.tags", "/tags", "tags", null, Menu.MAIN, 50);
    }

    @Bean
    NavigationEntry trashEntry() {
        return new NavigationEntry("nav.trash", "/trash", "trash3", null, Menu.MORE, 12);
    }

    @Bean
    NavigationEntry customFieldsEntry() {
        return new NavigationEntry("nav.customFields", "/custom-fields", "input-cursor-text", null, Menu.MORE, 10);
    }
}
