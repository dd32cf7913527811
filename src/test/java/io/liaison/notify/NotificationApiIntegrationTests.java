package io.liaison.notify;

import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.shared.Ids;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A member reads and marks their own notifications through {@code /api/v1/notifications}: newest
 * first in cursor pages, unread only on request, titles in the reader's language, a colleague's
 * notification not found; and a member keeps at most {@link NotificationRepository#KEEP}.
 */
@LiaisonIntegrationTest
class NotificationApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;
    Api.Person me;
    Api.Person colleague;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        me = api.newMember(org, "MEMBER");
        colleague = api.newMember(org, "MEMBER");
    }

    @Test
    void aMemberPagesThroughTheirOwnNotificationsNewestFirstInTheirLanguage() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(insert(me.id(), i));
        }
        // ids are time ordered to the millisecond: the list's order is theirs
        mine.sort(Comparator.reverseOrder());
        insert(colleague.id(), 99);

        String first = api.answer(as(get("/api/v1/notifications?limit=3"), me.token()), 200);
        List<String> ids = new ArrayList<>(JsonPath.read(first, "$.items[*].id"));
        String cursor = JsonPath.read(first, "$.nextCursor");
        String second = api.answer(as(get("/api/v1/notifications?limit=3&cursor=" + cursor), me.token()), 200);
        ids.addAll(JsonPath.read(second, "$.items[*].id"));
        assertThat(ids).isEqualTo(mine);
        assertThat((Object) JsonPath.read(second, "$.nextCursor")).isNull();

        assertThat((String) JsonPath.read(first, "$.items[0].title")).isEqualTo("Members");
        String chinese = mvc.perform(as(get("/api/v1/notifications?limit=1"), me.token())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(chinese, "$.items[0].title")).isEqualTo("成员");
    }

    @Test
    void readingOneOrAllChangesTheUnreadCountAndOnlyForTheReader() throws Exception {
        String a = insert(me.id(), 1);
        insert(me.id(), 2);
        insert(me.id(), 3);
        String theirs = insert(colleague.id(), 4);
        assertThat(count(me)).isEqualTo(3);

        api.answer(as(post("/api/v1/notifications/" + a + "/read"), me.token()), 204);
        assertThat(count(me)).isEqualTo(2);
        String unread = api.answer(as(get("/api/v1/notifications?unread=true"), me.token()), 200);
        assertThat((List<String>) JsonPath.read(unread, "$.items[*].id"))
                .hasSize(2)
                .doesNotContain(a);
        String all = api.answer(as(get("/api/v1/notifications"), me.token()), 200);
        assertThat((List<String>) JsonPath.read(all, "$.items[?(@.readAt != null)].id"))
                .containsExactly(a);

        String refused = api.answer(as(post("/api/v1/notifications/" + theirs + "/read"), me.token()), 404);
        assertThat(refused).contains("notification-not-found");
        assertThat(count(colleague)).isEqualTo(1);

        assertThat(api.answer(as(post("/api/v1/notifications/read-all"), me.token()), 200))
                .isEqualTo("{\"marked\":2}");
        assertThat(count(me)).isZero();
        assertThat(count(colleague)).isEqualTo(1);
    }

    @Test
    void aBadCursorOrLimitIsABadRequest() throws Exception {
        assertThat(api.answer(as(get("/api/v1/notifications?limit=500"), me.token()), 400))
                .contains("limit");
        assertThat(api.answer(as(get("/api/v1/notifications?cursor=%25%25"), me.token()), 400))
                .contains("cursor");
    }

    @Test
    void aMemberKeepsTheNewestThousand(@Autowired NotificationRepository rows) {
        UUID orgId = UUID.fromString(org.id());
        UUID memberId = UUID.fromString(me.id());
        UUID[] older = new UUID[NotificationRepository.KEEP];
        for (int i = 0; i < older.length; i++) {
            older[i] = Ids.newId();
        }
        jdbc.sql("""
                        INSERT INTO notification (org_id, id, member_id, kind, title, body)
                        SELECT :org, id, :member, 'x', 't', 'b' FROM unnest(:ids) id
                        """)
                .param("org", orgId)
                .param("member", memberId)
                .param("ids", older)
                .update();
        UUID newest = Ids.newId();
        rows.insert(List.of(new NotificationRepository.NewRow(orgId, newest, memberId, "x", "t", "b", null)));
        List<UUID> kept = jdbc.sql("SELECT id FROM notification WHERE org_id = ? AND member_id = ?")
                .params(orgId, memberId)
                .query(UUID.class)
                .list();
        assertThat(kept)
                .hasSize(NotificationRepository.KEEP)
                .contains(newest)
                .doesNotContain(Arrays.stream(older)
                        .map(UUID::toString)
                        .sorted()
                        .map(UUID::fromString)
                        .findFirst()
                        .orElseThrow());
    }

    /** A notification whose title is a message of the bundles, so that its language can be seen. */
    String insert(String memberId, int n) {
        UUID id = Ids.newId();
        jdbc.sql("INSERT INTO notification (org_id, id, member_id, kind, title, body) VALUES (?, ?, ?, 'x', ?, ?)")
                .params(
                        UUID.fromString(org.id()),
                        id,
                        UUID.fromString(memberId),
                        "{\"code\":\"nav.members\",\"args\":[]}",
                        "body " + n)
                .update();
        return id.toString();
    }

    int count(Api.Person person) throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/notifications/count"), person.token()), 200), "$.count");
    }
}
