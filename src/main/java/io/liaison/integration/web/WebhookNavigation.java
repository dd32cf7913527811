package io.liaison.integration.web;

import io.liaison.integration.IntegrationPermissions;
import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook settings under "More", for those who manage the organization's integrations. */
@Configuration(proxyBeanMethods = false)
class WebhookNavigation {

    @Bean
    NavigationEntry webhooksEntry() {
        return new NavigationEntry(
                "nav.webhooks", "/integrations/webhooks", "plug", IntegrationPermissions.MANAGE.code(), Menu.MORE, 27);
    }
}
