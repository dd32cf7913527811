package io.liaison.integration.change;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.trash.Purges;
import io.liaison.identity.Api;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class ChangeFeedIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ChangeFeed feed;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    Api api;
    Api.Org org;
    UUID orgId;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("en");
        orgId = UUID.fromString(org.id());
    }

    String contact(String token, String body) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), token, body));
    }

    @Test
    void theFeedHoldsEveryChangeOfAContactInOrderWithNamesOfFieldsButNotTheirValues() throws Exception {
        String id = contact(org.adminToken(), "{\"name\":\"Zhang San\",\"mobile\":\"13800138000\"}");
        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"company\":\"Acme\"}"), 200);
        api.answer(as(delete("/api/v1/contacts/" + id), org.adminToken()), 204);
        api.answer(as(post("/api/v1/contacts/" + id + "/restore"), org.adminToken()), 200);
        api.answer(as(delete("/api/v1/contacts/" + id), org.adminToken()), 204);
        jdbc.sql("UPDATE contact SET trashed_at = now() - interval '31 days' WHERE id = ?::uuid")
                .param(id)
                .update();
        assertThat(Purges.purge(context)).isGreaterThanOrEqualTo(1);

        List<Change> changes = feed.after(orgId, null, 100);

        assertThat(changes)
                .extracting(Change::type)
                .containsExactly(
                        "contact.created",
                        "contact.updated",
                        "contact.trashed",
                        "contact.restored",
                        "contact.trashed",
                        "contact.purged");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.resourceId()).hasToString(id);
            assertThat(c.contactId()).hasToString(id);
            // Erased with the contact: no change keeps its name.
            assertThat(c.data()).doesNotContainKey("name");
        });
        assertThat(changes.get(0).data().get("fields")).asList().contains("name", "mobile");
        assertThat(changes.get(1).data().get("fields")).asList().containsExactly("company");
        assertThat(changes.get(1).actorId()).hasToString(org.adminId());
        assertThat(changes.get(5).actorId()).isNull();
        assertThat(changes.toString()).doesNotContain("13800138000", "Acme");
    }

    @Test
    void readingOnFromACursorRepeatsNothingAndMissesNothing() throws Exception {
        for (int i = 0; i < 5; i++) {
            contact(org.adminToken(), "{\"name\":\"Person " + i + "\"}");
        }
        List<Change> first = feed.after(orgId, null, 2);
        List<Change> rest = feed.after(orgId, first.get(1).cursor(), 100);

        assertThat(first).extracting(c -> c.data().get("name")).containsExactly("Person 0", "Person 1");
        assertThat(rest).extracting(c -> c.data().get("name")).containsExactly("Person 2", "Person 3", "Person 4");
        assertThat(feed.head(orgId)).isEqualTo(rest.get(2).cursor());
        assertThat(feed.after(orgId, feed.head(orgId), 100)).isEmpty();
    }

    /**
     * A transaction that began first but commits last takes its place before the one that committed
     * first; its change is held back until it commits, so a reader who already read on past the other
     * one still gets it.
     */
    @Test
    void aChangeOfAnEarlierTransactionThatCommitsLaterIsNotSkipped() throws Exception {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        try (Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            insert(first, early);
            insert(second, late);
            second.commit();

            assertThat(feed.after(orgId, null, 100)).isEmpty();
            assertThat(feed.head(orgId)).isNull();

            first.commit();
        }
        List<Change> changes = feed.after(orgId, null, 100);
        assertThat(changes).extracting(Change::resourceId).containsExactly(early, late);
    }

    private void insert(Connection connection, UUID resourceId) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO integration_change (org_id, type, resource_type, resource_id) VALUES (?, 'contact.updated', 'contact', ?)")) {
            insert.setObject(1, orgId);
            insert.setObject(2, resourceId);
            insert.executeUpdate();
        }
    }

    @Test
    void aCursorTheFeedDidNotHandOutIsRefused() {
        for (String bad : List.of("", "nonsense!", "MTI", "LTE6Mg", "x".repeat(100))) {
            assertThatThrownBy(() -> feed.after(orgId, bad, 10)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> feed.after(orgId, null, 1001)).isInstanceOf(IllegalArgumentException.class);
    }
}
