package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A chat message to or from a contact's guest is contact with the contact: it resets the contact's
 * stay-in-touch cadence, whether the guest writes in the group or a member writes to the group the
 * guest is in; a member's message in a group without the guest does not. A follow-up recorded
 * afterwards for an earlier day does not take the chat's contact back.
 */
@LiaisonIntegrationTest
class ChatContactedIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMessageFromOrToTheGuestResetsTheContactsCadence() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String contact = GuestSession.contact(api, ann.token(), "Li Lei", "li.lei@customer.example");
        String group = GuestSession.externalGroup(api, ann.token(), "华东客户群", contact, bob.id());
        String internal = api.createdId(json(post("/api/v1/conversations"), ann.token(), """
                {"kind":"internal","name":"内部讨论","memberIds":["%s"]}
                """.formatted(bob.id())));
        GuestSession guest = GuestSession.invited(mvc, api, ann.token(), group, contact, Api.unique("lilei"));
        api.answer(json(post("/api/v1/cadences"), ann.token(), """
                {"contactId":"%s","everyDays":14}
                """.formatted(contact)), 201);
        lapse(contact);
        assertThat(due(api, ann)).containsExactly(contact);

        api.answer(guest.json(post("/api/v1/conversations/" + group + "/messages"), "{\"text\":\"报价收到了\"}"), 201);
        assertThat(lastContacted(api, ann, contact))
                .as("the guest wrote")
                .isAfter(Instant.now().minusSeconds(60));
        assertThat(due(api, ann)).isEmpty();

        lapse(contact);
        api.answer(
                json(post("/api/v1/conversations/" + internal + "/messages"), ann.token(), "{\"text\":\"跟进一下\"}"), 201);
        assertThat(due(api, ann))
                .as("a member's message in a group without the guest")
                .containsExactly(contact);

        api.answer(
                json(post("/api/v1/conversations/" + group + "/messages"), bob.token(), "{\"text\":\"好的，明天发货\"}"), 201);
        assertThat(lastContacted(api, ann, contact))
                .as("a member wrote to the group the guest is in")
                .isAfter(Instant.now().minusSeconds(60));
        assertThat(due(api, ann)).isEmpty();

        String old = OffsetDateTime.now().minusDays(10).toString();
        api.answer(json(post("/api/v1/contacts/" + contact + "/follow-ups"), ann.token(), """
                {"type":"call","content":"上周的电话","occurredAt":"%s"}
                """.formatted(old)), 201);
        assertThat(lastContacted(api, ann, contact))
                .as("an older follow-up recorded later does not take back the chat's contact")
                .isAfter(Instant.now().minusSeconds(60));
    }

    /** The contact's last contact and witnessed activity 30 days ago: a 14-day cadence has lapsed. */
    private void lapse(String contact) {
        jdbc.sql("""
                        UPDATE contact SET last_contacted_at = now() - interval '30 days',
                               last_activity_at = now() - interval '30 days', created_at = now() - interval '40 days'
                         WHERE id = ?
                        """).param(UUID.fromString(contact)).update();
    }

    private static List<String> due(Api api, Api.Person member) throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/cadences/due"), member.token()), 200), "$.items[*].contactId");
    }

    private static Instant lastContacted(Api api, Api.Person member, String contact) throws Exception {
        String at = JsonPath.read(
                api.answer(as(get("/api/v1/contacts/" + contact), member.token()), 200), "$.lastContactedAt");
        return OffsetDateTime.parse(at).toInstant();
    }
}
