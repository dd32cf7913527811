package io.liaison.audit.web;

import io.liaison.audit.AuditPermissions;
import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log's entry under "More", for holders of {@code audit.read}. */
@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationEntry auditEntry() {
        return new NavigationEntry("audit.nav", "/audit", "journal-text", AuditPermissions.READ.code(), Menu.MORE, 30);
    }
}
