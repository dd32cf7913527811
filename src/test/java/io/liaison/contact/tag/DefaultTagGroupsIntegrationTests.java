package io.liaison.contact.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationCreated;
import io.liaison.identity.OrganizationService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new organization's default tag groups come from {@code contact}'s listener on {@code identity}'s
 * event through the event publication registry (the outbox), and a publication delivered again
 * adds nothing.
 */
@LiaisonIntegrationTest
class DefaultTagGroupsIntegrationTests {

    @Autowired
    OrganizationService organizations;

    @Autowired
    MemberService members;

    @Autowired
    DefaultTagGroups defaultTagGroups;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewOrganizationGetsItsTagGroupsThroughTheRegistryOnce() {
        UUID systemAdminId = jdbc.sql("SELECT id FROM member WHERE login = 'admin' AND system_admin")
                .query(UUID.class)
                .single();
        Actor systemAdmin = members.actor(systemAdminId).orElseThrow();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var created = organizations.create(
                systemAdmin,
                new OrganizationService.CreateOrganization(
                        "Tags " + suffix, "tags-" + suffix, "en", "boss", "boss-password-1", "Boss"));
        UUID orgId = created.organization().id();

        assertThat(groupNames(orgId)).containsExactly("Type", "Level", "Source");
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM event_publication
                                WHERE listener_id LIKE '%DefaultTagGroups%' AND completion_date IS NOT NULL
                                  AND serialized_event LIKE :orgId
                                """)
                        .param("orgId", "%" + orgId + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        defaultTagGroups.on(new OrganizationCreated(
                orgId, "en", created.admin().id(), systemAdminId, "Tags " + suffix, "tags-" + suffix, "boss"));
        assertThat(groupNames(orgId)).containsExactly("Type", "Level", "Source");
    }

    private List<String> groupNames(UUID orgId) {
        return jdbc.sql("SELECT name FROM tag_group WHERE org_id = :orgId ORDER BY sort_order")
                .param("orgId", orgId)
                .query(String.class)
                .list();
    }
}
