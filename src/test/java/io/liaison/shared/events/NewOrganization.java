package io.liaison.shared.events;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An organization the system administrator creates: its creation publishes to several modules' listeners. */
final class NewOrganization {

    private NewOrganization() {}

    static UUID create(JdbcClient jdbc, MemberService members, OrganizationService organizations) {
        UUID systemAdminId = jdbc.sql("SELECT id FROM member WHERE login = 'admin' AND system_admin")
                .query(UUID.class)
                .single();
        Actor systemAdmin = members.actor(systemAdminId).orElseThrow();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return organizations
                .create(
                        systemAdmin,
                        new OrganizationService.CreateOrganization(
                                "Outbox " + suffix, "outbox-" + suffix, "en", "boss", "boss-password-1", "Boss"))
                .organization()
                .id();
    }
}
