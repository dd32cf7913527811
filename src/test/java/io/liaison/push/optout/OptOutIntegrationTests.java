package io.liaison.push.optout;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.ContactPurged;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Members record a contact's opt-out and opt-in; the contact's timeline and the audit log show both. */
@LiaisonIntegrationTest
class OptOutIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberService members;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aMemberOptsTheContactOutAndInAgainAndTheTimelineAndTheAuditLogShowBoth() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String contact = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"王芳\"}"));
        String other = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"李娜\"}"));
        String url = "/api/v1/contacts/" + contact + "/push-opt-out";

        String before = api.answer(as(get(url), org.adminToken()), 200);
        assertThat(JsonPath.<Boolean>read(before, "$.optedOut")).isFalse();
        api.answer(as(put(url), org.adminToken()), 204);
        api.answer(as(put(url), org.adminToken()), 204);
        String out = api.answer(as(get(url), org.adminToken()), 200);
        assertThat(JsonPath.<Boolean>read(out, "$.optedOut")).isTrue();
        assertThat(JsonPath.<String>read(out, "$.via")).isEqualTo("member");
        assertThat(JsonPath.<String>read(out, "$.at")).isNotBlank();
        assertThat(JsonPath.<Boolean>read(
                        api.answer(as(get("/api/v1/contacts/" + other + "/push-opt-out"), org.adminToken()), 200),
                        "$.optedOut"))
                .as("another contact")
                .isFalse();

        api.answer(as(delete(url), org.adminToken()), 204);
        api.answer(as(delete(url), org.adminToken()), 204);
        assertThat(JsonPath.<Boolean>read(api.answer(as(get(url), org.adminToken()), 200), "$.optedOut"))
                .isFalse();

        String timeline = api.answer(as(get("/api/v1/contacts/" + contact + "/timeline"), org.adminToken()), 200);
        List<Map<String, Object>> consent = JsonPath.read(timeline, "$.items[?(@.kind =~ /push_.*/)]");
        assertThat(consent)
                .as("one entry per change, newest first, a repeated request changing nothing")
                .extracting(e -> e.get("kind"), e -> e.get("actorId"), e -> ((Map<?, ?>) e.get("data")).get("via"))
                .containsExactly(
                        tuple("push_opted_in", org.adminId(), "member"),
                        tuple("push_opted_out", org.adminId(), "member"));
        assertThat(consent.get(0).get("actorName")).isNotNull();

        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        assertThat(page(admin, "en", contact))
                .contains("recorded that the contact accepts pushes again.")
                .contains("recorded that the contact wants no pushes.");
        assertThat(page(admin, "zh-CN", contact)).contains("记录了联系人重新接收群发。", "记录了联系人不再接收群发。");

        assertThat(jdbc.sql("""
                        SELECT action FROM audit_event
                         WHERE org_id = ? AND action LIKE 'contact.push-%' AND target_id = ? ORDER BY at
                        """)
                        .params(UUID.fromString(org.id()), UUID.fromString(contact))
                        .query(String.class)
                        .list())
                .containsExactly("contact.push-opted-out", "contact.push-opted-in");
    }

    @Test
    void aMemberWhoCannotSeeTheContactGets404AndOneWhoOnlySeesItMayReadButNotChangeIt() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person member = api.newMember(org, "MEMBER");
        String hidden = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"张伟\"}"));
        String shared = api.createdId(json(
                post("/api/v1/contacts"),
                org.adminToken(),
                "{\"name\":\"刘洋\",\"shareUserIds\":[\"" + member.id() + "\"]}"));
        String hiddenUrl = "/api/v1/contacts/" + hidden + "/push-opt-out";
        String sharedUrl = "/api/v1/contacts/" + shared + "/push-opt-out";
        api.answer(as(put(sharedUrl), org.adminToken()), 204);

        api.answer(as(get(hiddenUrl), member.token()), 404);
        api.answer(as(put(hiddenUrl), member.token()), 404);
        api.answer(as(delete(hiddenUrl), member.token()), 404);
        api.answer(as(get("/api/v1/contacts/" + UUID.randomUUID() + "/push-opt-out"), member.token()), 404);

        assertThat(JsonPath.<Boolean>read(api.answer(as(get(sharedUrl), member.token()), 200), "$.optedOut"))
                .isTrue();
        String refused = api.answer(as(delete(sharedUrl), member.token()), 403);
        assertThat(refused).contains("forbidden");
        api.answer(as(put(hiddenUrl), org.adminToken()), 204);
        api.answer(as(put(hiddenUrl), member.token()), 404);

        assertThat(jdbc.sql("SELECT count(*) FROM push_opt_out WHERE org_id = ?")
                        .param(UUID.fromString(org.id()))
                        .query(Integer.class)
                        .single())
                .as("both still opted out by the administrator")
                .isEqualTo(2);
        assertThat(JsonPath.<Boolean>read(api.answer(as(get(sharedUrl), org.adminToken()), 200), "$.optedOut"))
                .isTrue();
    }

    @Test
    void aContactPurgedFromTheTrashLeavesNeitherItsOptOutNorItsHistory() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String contact = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"赵敏\"}"));
        String kept = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"周杰\"}"));
        api.answer(as(put("/api/v1/contacts/" + contact + "/push-opt-out"), org.adminToken()), 204);
        api.answer(as(put("/api/v1/contacts/" + kept + "/push-opt-out"), org.adminToken()), 204);

        // what the trash publishes when the retention period has passed
        transaction.executeWithoutResult(
                s -> events.publishEvent(new ContactPurged(UUID.fromString(org.id()), UUID.fromString(contact))));

        assertThat(rows("push_opt_out", org))
                .as("the purged contact's opt-out is gone")
                .isEqualTo(1);
        assertThat(rows("push_consent_change", org)).isEqualTo(1);
    }

    private int rows(String table, Api.Org org) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE org_id = ?")
                .param(UUID.fromString(org.id()))
                .query(Integer.class)
                .single();
    }

    private String page(Actor actor, String language, String contact) throws Exception {
        return mvc.perform(get("/contacts/" + contact)
                        .header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
