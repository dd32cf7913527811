package io.liaison.integration.change;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.trash.Purges;
import io.liaison.identity.Api;
import io.liaison.integration.ImportJobs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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

    /** The answer of GET /api/v1/changes. */
    String changes(String token, String query) throws Exception {
        return api.answer(as(get("/api/v1/changes" + query), token), 200);
    }

    @Test
    void theApiListsAContactsChangesInOrderAndResumesFromNext() throws Exception {
        String group = api.createdId(
                json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"Kind\",\"color\":\"#2563EB\"}"));
        String tag = api.createdId(
                json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"Customer\"}"));
        String id = contact(org.adminToken(), "{\"name\":\"李四\"}");
        api.answer(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"title\":\"采购\"}"), 200);
        api.answer(
                json(post("/api/v1/contacts/" + id + "/tags"), org.adminToken(), "{\"tagIds\":[\"" + tag + "\"]}"),
                200);

        String first = changes(org.adminToken(), "?limit=2");
        assertThat(JsonPath.<List<String>>read(first, "$.items[*].type"))
                .containsExactly("contact.created", "contact.updated");
        assertThat(JsonPath.<List<String>>read(first, "$.items[*].resourceId")).containsOnly(id);
        assertThat(JsonPath.<String>read(first, "$.items[0].data.name")).isEqualTo("李四");
        assertThat(JsonPath.<List<String>>read(first, "$.items[1].data.fields")).containsExactly("title");
        assertThat(OffsetDateTime.parse(JsonPath.read(first, "$.items[0].occurredAt")))
                .isCloseTo(OffsetDateTime.now(), within(1, ChronoUnit.MINUTES));
        String next = JsonPath.read(first, "$.next");
        assertThat(next).isEqualTo(JsonPath.read(first, "$.items[1].cursor"));

        String second = changes(org.adminToken(), "?since=" + next);
        assertThat(JsonPath.<List<String>>read(second, "$.items[*].type")).containsExactly("contact.tags_changed");
        assertThat(JsonPath.<List<String>>read(second, "$.items[0].data.added")).containsExactly(tag);

        // Deleting the tag takes it off the contact: a change of its tags too.
        api.answer(as(delete("/api/v1/tags/" + tag), org.adminToken()), 204);
        String third = changes(org.adminToken(), "?since=" + JsonPath.read(second, "$.next"));
        assertThat(JsonPath.<List<String>>read(third, "$.items[*].type")).containsExactly("contact.tags_changed");
        assertThat(JsonPath.<List<String>>read(third, "$.items[0].data.removed"))
                .containsExactly(tag);
        assertThat(JsonPath.<String>read(third, "$.items[0].data.name")).isEqualTo("李四");

        String caughtUp = JsonPath.read(third, "$.next");
        String nothing = changes(org.adminToken(), "?since=" + caughtUp);
        assertThat(JsonPath.<List<Object>>read(nothing, "$.items")).isEmpty();
        assertThat(JsonPath.<String>read(nothing, "$.next")).isEqualTo(caughtUp);
    }

    /** A member who sees only their own contacts reads only their changes; chat and task changes need the whole organization. */
    @Test
    void aMemberReadsTheChangesOfTheContactsTheySeeOnly() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        String theirs = contact(member.token(), "{\"name\":\"Own contact\"}");
        String others = contact(org.adminToken(), "{\"name\":\"Boss contact\"}");
        api.createdId(json(post("/api/v1/tasks"), org.adminToken(), "{\"title\":\"Call back\"}"));
        api.answer(as(delete("/api/v1/contacts/" + others), org.adminToken()), 204);

        String seen = changes(member.token(), "");
        assertThat(JsonPath.<List<String>>read(seen, "$.items[*].resourceId")).containsExactly(theirs);
        // What the member does not see is passed over: the next read starts after it.
        assertThat(JsonPath.<String>read(seen, "$.next")).isEqualTo(feed.head(orgId));

        String all = changes(org.adminToken(), "");
        assertThat(JsonPath.<List<String>>read(all, "$.items[*].type"))
                .containsExactly("contact.created", "contact.created", "task.created", "contact.trashed");
        assertThat(JsonPath.<String>read(all, "$.items[2].data.name")).isEqualTo("Call back");
    }

    @Test
    void aBadCursorOrTooLargeALimitIsRefusedInTheCallersLanguage() throws Exception {
        String bad = api.answer(as(get("/api/v1/changes?since=not-a-cursor"), org.adminToken()), 400);
        assertThat(JsonPath.<String>read(bad, "$.errors[0].field")).isEqualTo("since");
        assertThat(bad).contains("Feed cursor");
        String tooMany = api.answer(
                as(get("/api/v1/changes?limit=1001"), org.adminToken()).header("Accept-Language", "zh-CN"), 400);
        assertThat(JsonPath.<String>read(tooMany, "$.errors[0].field")).isEqualTo("limit");
        assertThat(tooMany).contains("1000");
    }

    @Test
    void everyContactAnImportCreatesIsInTheFeed() throws Exception {
        StringBuilder csv = new StringBuilder("Name,Company\n");
        for (int i = 0; i < 300; i++) {
            csv.append("Imported ").append(i).append(",Acme\n");
        }
        String job = ImportJobs.importCsv(mvc, context, org.adminToken(), csv.toString());
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(300);

        List<Change> changes = feed.after(orgId, null, 1000);

        assertThat(changes).hasSize(300).allSatisfy(c -> {
            assertThat(c.type()).isEqualTo("contact.created");
            assertThat(c.data())
                    .containsEntry("source", "import")
                    .containsEntry("importId", JsonPath.read(job, "$.id"));
        });
        assertThat(changes).extracting(c -> c.data().get("name")).startsWith("Imported 0", "Imported 1");
        assertThat(changes.get(299).data()).containsEntry("name", "Imported 299");
    }

    /** Chat and the calendar reach the feed with ids and counts only: no message text, no title of an event. */
    @Test
    void conversationsMessagesAndEventsAreInTheFeedWithoutWhatPeopleWrote() throws Exception {
        String conversation = api.createdId(
                json(post("/api/v1/conversations"), org.adminToken(), "{\"kind\":\"internal\",\"name\":\"Sales\"}"));
        String message = api.createdId(json(
                post("/api/v1/conversations/" + conversation + "/messages"),
                org.adminToken(),
                "{\"text\":\"the secret price is 42\"}"));
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String event = api.createdId(
                json(post("/api/v1/events"), org.adminToken(), """
                {"title":"Visit the plant","startAt":"%s","endAt":"%s"}
                """.formatted(start, start.plus(1, ChronoUnit.HOURS))));
        api.answer(as(delete("/api/v1/events/" + event), org.adminToken()), 204);

        List<Change> changes = feed.after(orgId, null, 100);

        assertThat(changes)
                .extracting(Change::type, c -> c.resourceId().toString())
                .containsExactly(
                        tuple("conversation.created", conversation),
                        tuple("message.created", message),
                        tuple("event.scheduled", event),
                        tuple("event.cancelled", event));
        assertThat(changes.get(1).data())
                .containsEntry("conversationId", conversation)
                .containsEntry("authorKind", "member");
        assertThat(changes.get(1).actorId()).hasToString(org.adminId());
        assertThat(changes.get(2).data()).containsEntry("startAt", start.toString());
        assertThat(changes.toString()).doesNotContain("secret", "Visit the plant");
    }
}
