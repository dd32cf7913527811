package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.Guest;
import io.liaison.identity.GuestInvitation;
import io.liaison.identity.Guests;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** A contact's timeline sums up their group chats per conversation and day; a guest's message is contact. */
@LiaisonIntegrationTest
class ChatTimelineIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Guests guests;

    @Autowired
    MemberService members;

    @Test
    void theTimelineShowsEachGroupsDayOnceWithTheGuestsShareAndOnlyToItsParticipants() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        UUID orgId = UUID.fromString(org.id());
        jdbc.sql("UPDATE organization SET time_zone = 'Asia/Shanghai' WHERE id = ?")
                .params(orgId)
                .update();
        Api.Person outsider = api.newMember(org, "ADMIN");
        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        String contact = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"王芳\"}"));
        UUID contactId = UUID.fromString(contact);
        UUID linked = group(api, org.adminToken(), "华东客户群", contact);
        UUID other = group(api, org.adminToken(), "项目协作群", null);
        UUID quiet = group(api, org.adminToken(), "内部讨论群", null);
        Guest guest = guest(admin, contactId);
        PostedMessages posted = new PostedMessages(jdbc, transaction, events);
        UUID me = admin.memberId();
        // 2026-12-03 in Shanghai: 09:00, 09:05 and 23:30 (15:30 UTC); 2026-12-04 00:30 there is still the 3rd in UTC
        posted.post(orgId, linked, "member", me, "早上好", Instant.parse("2026-12-03T01:00:00Z"));
        posted.post(orgId, linked, "guest", guest.id(), "报价收到了", Instant.parse("2026-12-03T01:05:00Z"));
        posted.post(orgId, linked, "member", me, "好的", Instant.parse("2026-12-03T15:30:00Z"));
        posted.post(orgId, linked, "guest", guest.id(), "晚安", Instant.parse("2026-12-03T16:30:00Z"));
        posted.post(orgId, other, "guest", guest.id(), "我也在这个群", Instant.parse("2026-12-03T02:00:00Z"));
        posted.post(orgId, other, "member", me, "欢迎", Instant.parse("2026-12-03T02:01:00Z"));
        posted.post(orgId, quiet, "member", me, "与王芳无关", Instant.parse("2026-12-03T03:00:00Z"));

        String timeline = api.answer(as(get("/api/v1/contacts/" + contact + "/timeline"), org.adminToken()), 200);
        List<Map<String, Object>> chats = JsonPath.read(timeline, "$.items[?(@.kind == 'chat')].data");
        assertThat(chats)
                .extracting(
                        d -> d.get("conversationId"),
                        d -> d.get("day"),
                        d -> d.get("messages"),
                        d -> d.get("fromContact"))
                .containsExactly(
                        tuple(linked.toString(), "2026-12-04", 1, 1),
                        tuple(linked.toString(), "2026-12-03", 3, 1),
                        tuple(other.toString(), "2026-12-03", 2, 1));
        List<Object> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String url =
                    "/api/v1/contacts/" + contact + "/timeline?limit=1" + (cursor == null ? "" : "&cursor=" + cursor);
            String one = api.answer(as(get(url), org.adminToken()), 200);
            paged.addAll(JsonPath.<List<Object>>read(one, "$.items[*].id"));
            cursor = JsonPath.read(one, "$.nextCursor");
        } while (cursor != null);
        assertThat(paged)
                .as("the timeline page by page")
                .isEqualTo(JsonPath.<List<Object>>read(timeline, "$.items[*].id"));
        String outsiders = api.answer(as(get("/api/v1/contacts/" + contact + "/timeline"), outsider.token()), 200);
        assertThat(JsonPath.<List<Object>>read(outsiders, "$.items[?(@.kind == 'chat')]"))
                .as("a member in none of the groups")
                .isEmpty();

        String english = page(admin, "en", contact);
        assertThat(english)
                .contains("华东客户群</a>: 3 messages (1 from 王芳)")
                .contains("华东客户群</a>: 1 message (1 from 王芳)")
                .contains("href=\"/chats/" + linked + "\"")
                .doesNotContain("内部讨论群");
        String chinese = page(admin, "zh-CN", contact);
        assertThat(chinese).contains("华东客户群</a>：3 条消息（王芳 发了 1 条）", "项目协作群</a>：2 条消息（王芳 发了 1 条）");
    }

    @Test
    void aGuestsMessageIsContactWithTheirContactToTheMinuteAndAMembersInAGroupWithoutThemIsNot() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        UUID orgId = UUID.fromString(org.id());
        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        String contact = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"Li Lei\"}"));
        UUID linked = group(api, org.adminToken(), "Key account", contact);
        Guest guest = guest(admin, UUID.fromString(contact));
        PostedMessages posted = new PostedMessages(jdbc, transaction, events);

        posted.post(orgId, linked, "member", admin.memberId(), "Hello", Instant.parse("2026-12-01T02:00:00Z"));
        assertThat(lastContacted(api, org, contact))
                .as("after a member's message in a group the guest is not in")
                .isNull();
        posted.post(orgId, linked, "guest", guest.id(), "Hi", Instant.parse("2026-12-01T02:01:00Z"));
        assertThat(lastContacted(api, org, contact)).isEqualTo(Instant.parse("2026-12-01T02:01:00Z"));
        posted.post(orgId, linked, "guest", guest.id(), "Still here", Instant.parse("2026-12-01T02:01:30Z"));
        assertThat(lastContacted(api, org, contact)).isEqualTo(Instant.parse("2026-12-01T02:01:00Z"));
        posted.post(orgId, linked, "guest", guest.id(), "Bye", Instant.parse("2026-12-01T02:03:00Z"));
        assertThat(lastContacted(api, org, contact)).isEqualTo(Instant.parse("2026-12-01T02:03:00Z"));
    }

    private static UUID group(Api api, String token, String name, String contact) throws Exception {
        String links = contact == null ? "" : ",\"contactIds\":[\"" + contact + "\"]";
        return UUID.fromString(api.createdId(json(
                post("/api/v1/conversations"),
                token,
                "{\"kind\":\"external\",\"name\":\"" + name + "\"" + links + "}")));
    }

    private Guest guest(Actor admin, UUID contactId) {
        GuestInvitation invitation = guests.invite(admin, contactId, UUID.randomUUID(), null);
        String token = invitation.url().substring(invitation.url().lastIndexOf('/') + 1);
        return guests.accept(token, "王芳", Api.unique("guest"), "guest-password-1");
    }

    private static Instant lastContacted(Api api, Api.Org org, String contact) throws Exception {
        String body = api.answer(as(get("/api/v1/contacts/" + contact), org.adminToken()), 200);
        String at = JsonPath.read(body, "$.lastContactedAt");
        return at == null ? null : OffsetDateTime.parse(at).toInstant();
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
