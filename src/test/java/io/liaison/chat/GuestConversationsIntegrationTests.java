package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A guest uses the conversations API as a member does, within their groups: every other group is
 * not found, what only members do is refused with a reason, and nothing they get carries a member's
 * mobile or e-mail address.
 */
@LiaisonIntegrationTest
class GuestConversationsIntegrationTests {

    static final String ANNS_EMAIL = "ann.private@liaison.example";
    static final String ANNS_MOBILE = "13900139000";
    static final String CONTACTS_MOBILE = "13800138000";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Person ann;
    Api.Person bob;
    String contact;
    String group;
    String other;
    GuestSession guest;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        ann = api.newMember(org, "MEMBER");
        bob = api.newMember(org, "MEMBER");
        jdbc.sql("UPDATE member SET email = ?, mobile = ? WHERE id = ?::uuid")
                .params(ANNS_EMAIL, ANNS_MOBILE, ann.id())
                .update();
        contact = GuestSession.contact(api, ann.token(), "Li Lei", "li.lei@customer.example", CONTACTS_MOBILE);
        group = GuestSession.externalGroup(api, ann.token(), "华东客户群", contact, bob.id());
        other = GuestSession.externalGroup(api, ann.token(), "Other customers", contact);
        guest = GuestSession.invited(mvc, api, ann.token(), group, contact, Api.unique("lilei"));
    }

    @Test
    void aGuestSeesOnlyTheirGroupsAndAnyOtherIsNotFoundOnEveryEndpoint() throws Exception {
        String mine = api.answer(guest.on(get("/api/v1/conversations")), 200);
        assertThat(JsonPath.<List<String>>read(mine, "$.items[*].id")).containsExactly(group);
        assertThat(JsonPath.<List<String>>read(mine, "$.items[0].contactIds")).isEmpty();

        String base = "/api/v1/conversations/" + other;
        String anyId = UUID.randomUUID().toString();
        List<String> wrong = new ArrayList<>();
        String name = "{\"name\":\"x\"}";
        String text = "{\"text\":\"hi\"}";
        String muted = "{\"muted\":true}";
        String seq = "{\"seq\":0}";
        String member = "{\"memberId\":\"" + bob.id() + "\"}";
        String members = "{\"memberIds\":[\"" + bob.id() + "\"]}";
        String invited = "{\"contactId\":\"" + contact + "\"}";
        String[][] calls = {
            {"GET", base, "{}"},
            {"PATCH", base, name},
            {"DELETE", base, "{}"},
            {"GET", base + "/participants", "{}"},
            {"POST", base + "/participants", members},
            {"DELETE", base + "/participants?guestId=" + guest.id(), "{}"},
            {"PATCH", base + "/participants?memberId=" + bob.id(), muted},
            {"GET", base + "/messages", "{}"},
            {"POST", base + "/messages", text},
            {"PATCH", base + "/messages/" + anyId, text},
            {"POST", base + "/messages/" + anyId + "/recall", "{}"},
            {"POST", base + "/read", seq},
            {"POST", base + "/leave", "{}"},
            {"POST", base + "/transfer", member},
            {"GET", base + "/invitations", "{}"},
            {"POST", base + "/invitations", invited},
            {"DELETE", base + "/invitations/" + anyId, "{}"},
            {"GET", "/api/v1/messages/search?q=x&conversationId=" + other, "{}"}
        };
        for (String[] call : calls) {
            int status = mvc.perform(
                            guest.json(MockMvcRequestBuilders.request(HttpMethod.valueOf(call[0]), call[1]), call[2]))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (status != 404) {
                wrong.add(call[0] + " " + call[1] + " → " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aGuestTakesPartButChangesNothingAndIsToldWhy() throws Exception {
        String base = "/api/v1/conversations/" + group;
        assertThat(api.answer(guest.json(post("/api/v1/conversations"), "{\"kind\":\"external\",\"name\":\"x\"}"), 403))
                .contains("guests take part only in the groups they were invited to");
        String why = "guests take part in it but do not change its settings, participants or roles";
        assertThat(api.answer(guest.json(patch(base), "{\"name\":\"Mine\"}"), 403))
                .contains(why);
        assertThat(api.answer(guest.on(delete(base)), 403)).contains(why);
        assertThat(api.answer(guest.json(post(base + "/participants"), "{\"memberIds\":[\"" + bob.id() + "\"]}"), 403))
                .contains(why);
        assertThat(api.answer(guest.on(delete(base + "/participants?memberId=" + bob.id())), 403))
                .contains(why);
        assertThat(api.answer(
                        guest.json(patch(base + "/participants?memberId=" + bob.id()), "{\"role\":\"admin\"}"), 403))
                .contains(why);
        assertThat(api.answer(guest.json(post(base + "/transfer"), "{\"memberId\":\"" + bob.id() + "\"}"), 403))
                .contains(why);

        String posted = api.answer(guest.json(post(base + "/messages"), "{\"text\":\"你好，报价收到了\"}"), 201);
        assertThat(JsonPath.<String>read(posted, "$.authorKind")).isEqualTo("guest");
        assertThat(JsonPath.<String>read(posted, "$.authorId")).isEqualTo(guest.id());
        assertThat(JsonPath.<String>read(posted, "$.authorName")).isEqualTo("Li Lei");
        String id = JsonPath.read(posted, "$.id");
        String seen = api.answer(as(get(base + "/messages"), ann.token()), 200);
        assertThat(JsonPath.<List<String>>read(seen, "$.items[?(@.id == '" + id + "')].authorName"))
                .containsExactly("Li Lei");
        String found = api.answer(guest.on(get("/api/v1/messages/search?q=报价")), 200);
        assertThat(JsonPath.<List<String>>read(found, "$.items[*].id")).containsExactly(id);

        api.answer(guest.json(post(base + "/read"), "{\"seq\":1}"), 204);
        assertThat(JsonPath.<String>read(
                        api.answer(guest.json(patch(base + "/messages/" + id), "{\"text\":\"改过\"}"), 200), "$.text"))
                .isEqualTo("改过");
        String annsMessage = api.createdId(json(post(base + "/messages"), ann.token(), "{\"text\":\"mine\"}"));
        assertThat(api.answer(guest.json(patch(base + "/messages/" + annsMessage), "{\"text\":\"x\"}"), 403))
                .contains("only its author may");
        assertThat(JsonPath.<String>read(
                        api.answer(guest.on(post(base + "/messages/" + id + "/recall")), 200), "$.recalledAt"))
                .isNotNull();
    }

    @Test
    void nothingAGuestGetsCarriesAMembersMobileOrEmail() throws Exception {
        String base = "/api/v1/conversations/" + group;
        api.answer(json(post(base + "/messages"), ann.token(), "{\"text\":\"请看报价\"}"), 201);
        api.answer(guest.json(post(base + "/messages"), "{\"text\":\"收到报价\"}"), 201);
        List<String> answers = List.of(
                api.answer(guest.on(get("/api/v1/me")), 200),
                api.answer(guest.on(get("/api/v1/conversations")), 200),
                api.answer(guest.on(get(base)), 200),
                api.answer(guest.on(get(base + "/participants")), 200),
                api.answer(guest.on(get(base + "/messages")), 200),
                api.answer(guest.on(get("/api/v1/messages/search?q=报价")), 200),
                api.answer(guest.on(get(base + "/invitations")), 200));
        for (String answer : answers) {
            assertThat(answer).doesNotContain(ANNS_EMAIL, ANNS_MOBILE, "li.lei@customer.example", CONTACTS_MOBILE);
        }
        String participants = answers.get(3);
        assertThat(JsonPath.<List<String>>read(participants, "$.items[?(@.kind == 'guest')].guestId"))
                .containsExactly(guest.id());
        assertThat(JsonPath.<List<String>>read(participants, "$.items[?(@.kind == 'guest')].displayName"))
                .containsExactly("Li Lei");
        assertThat(JsonPath.<List<String>>read(participants, "$.items[?(@.kind == 'member')].memberId"))
                .containsExactly(ann.id(), bob.id());
    }
}
