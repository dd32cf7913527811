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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class ConversationApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static String group(Api api, String token, String kind, String name, String... members) throws Exception {
        String ids = members.length == 0 ? "" : "\"" + String.join("\",\"", members) + "\"";
        return api.createdId(json(
                post("/api/v1/conversations"),
                token,
                "{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"memberIds\":[" + ids + "]}"));
    }

    @Test
    void aGroupIsSeenOnlyByItsParticipantsAndOnlyItsOwnerAndAdminsChangeIt() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        Api.Person eve = api.newMember(org, "MEMBER");
        String id = group(api, ann.token(), "internal", "项目组", bob.id());

        String mine = api.answer(as(get("/api/v1/conversations"), bob.token()), 200);
        assertThat(JsonPath.<List<String>>read(mine, "$.items[*].id")).containsExactly(id);
        assertThat(JsonPath.<String>read(mine, "$.items[0].role")).isEqualTo("member");
        api.answer(as(get("/api/v1/conversations/" + id), eve.token()), 404);
        api.answer(as(get("/api/v1/conversations/" + id), org.adminToken()), 404);
        api.answer(as(get("/api/v1/conversations/" + id + "/participants"), eve.token()), 404);

        String refused = api.answer(
                json(patch("/api/v1/conversations/" + id), bob.token(), "{\"name\":\"改名\"}")
                        .header("Accept-Language", "en"),
                403);
        assertThat(refused).contains("only its owner and admins change its settings");
        String refusedZh = api.answer(
                json(patch("/api/v1/conversations/" + id), bob.token(), "{\"name\":\"改名\"}")
                        .header("Accept-Language", "zh-CN"),
                403);
        assertThat(refusedZh).contains("只有群主和管理员可以修改设置");

        api.answer(
                json(
                        patch("/api/v1/conversations/" + id + "/participants?memberId=" + bob.id()),
                        ann.token(),
                        "{\"role\":\"admin\"}"),
                200);
        String changed = api.answer(
                json(
                                patch("/api/v1/conversations/" + id),
                                bob.token(),
                                "{\"announcement\":\"周五前交付\",\"settings\":{\"adminsOnlyPost\":true}}")
                        .header("If-Match", "\"2\""),
                200);
        assertThat(JsonPath.<String>read(changed, "$.announcement.text")).isEqualTo("周五前交付");
        assertThat(JsonPath.<String>read(changed, "$.announcement.setBy")).isEqualTo(bob.id());
        assertThat(JsonPath.<Boolean>read(changed, "$.settings.adminsOnlyPost")).isTrue();
        assertThat(JsonPath.<Boolean>read(changed, "$.settings.guestsSeeParticipants"))
                .isTrue();
        api.answer(
                json(patch("/api/v1/conversations/" + id), bob.token(), "{\"name\":\"x\"}")
                        .header("If-Match", "\"1\""),
                412);
    }

    @Test
    void aDirectConversationIsOnePerPairAndNeverChangesItsMembers() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String body = "{\"kind\":\"direct\",\"memberIds\":[\"" + bob.id() + "\"]}";
        String id = api.createdId(json(post("/api/v1/conversations"), ann.token(), body));
        String again = api.answer(
                json(
                        post("/api/v1/conversations"),
                        bob.token(),
                        "{\"kind\":\"direct\",\"memberIds\":[\"" + ann.id() + "\"]}"),
                200);
        assertThat(JsonPath.<String>read(again, "$.id")).isEqualTo(id);

        String three = api.answer(
                json(
                                post("/api/v1/conversations"),
                                ann.token(),
                                "{\"kind\":\"direct\",\"memberIds\":[\"" + bob.id() + "\",\"" + org.adminId() + "\"]}")
                        .header("Accept-Language", "en"),
                400);
        assertThat(three).contains("exactly one other member");
        String add = api.answer(
                json(
                                post("/api/v1/conversations/" + id + "/participants"),
                                ann.token(),
                                "{\"memberIds\":[\"" + org.adminId() + "\"]}")
                        .header("Accept-Language", "en"),
                409);
        assertThat(add).contains("between its two members only");
    }

    @Test
    void anExternalGroupLinksOnlyContactsTheCreatorMaySee() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String annsContact = api.createdId(json(post("/api/v1/contacts"), ann.token(), "{\"name\":\"王总\"}"));
        String bobsContact = api.createdId(json(post("/api/v1/contacts"), bob.token(), "{\"name\":\"李总\"}"));

        String refused = api.answer(
                json(
                                post("/api/v1/conversations"),
                                ann.token(),
                                "{\"kind\":\"external\",\"name\":\"客户群\",\"contactIds\":[\"" + bobsContact + "\"]}")
                        .header("Accept-Language", "zh-CN"),
                400);
        assertThat(refused).contains("须为你可以查看的联系人");
        String internal = api.answer(
                json(
                                post("/api/v1/conversations"),
                                ann.token(),
                                "{\"kind\":\"internal\",\"name\":\"内部\",\"contactIds\":[\"" + annsContact + "\"]}")
                        .header("Accept-Language", "en"),
                400);
        assertThat(internal).contains("can be linked to an external group only");

        String created = api.answer(
                json(
                        post("/api/v1/conversations"),
                        ann.token(),
                        "{\"kind\":\"external\",\"name\":\"客户群\",\"contactIds\":[\"" + annsContact + "\"]}"),
                201);
        assertThat(JsonPath.<List<String>>read(created, "$.contactIds")).containsExactly(annsContact);
        String listed = api.answer(as(get("/api/v1/conversations"), ann.token()), 200);
        assertThat(JsonPath.<List<String>>read(listed, "$.items[0].contactIds")).containsExactly(annsContact);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE target_id = ?::uuid AND action = 'conversation.created'")
                        .param(JsonPath.<String>read(created, "$.id"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void participantsAreAddedRemovedAndTheOwnerHandsOverBeforeLeaving() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        Api.Person cat = api.newMember(org, "MEMBER");
        String id = group(api, ann.token(), "internal", "组", bob.id());
        String base = "/api/v1/conversations/" + id;

        api.answer(json(post(base + "/participants"), bob.token(), "{\"memberIds\":[\"" + cat.id() + "\"]}"), 403);
        String added = api.answer(
                json(post(base + "/participants"), ann.token(), "{\"memberIds\":[\"" + cat.id() + "\"]}"), 200);
        assertThat(JsonPath.<List<String>>read(added, "$.items[*].memberId"))
                .containsExactly(ann.id(), bob.id(), cat.id());
        api.answer(as(get(base), cat.token()), 200);

        api.answer(as(delete(base + "/participants?memberId=" + cat.id()), ann.token()), 204);
        api.answer(as(get(base), cat.token()), 404);

        String ownerLeaves = api.answer(as(post(base + "/leave"), ann.token()).header("Accept-Language", "en"), 409);
        assertThat(ownerLeaves).contains("hand the conversation over");
        api.answer(json(post(base + "/transfer"), ann.token(), "{\"memberId\":\"" + bob.id() + "\"}"), 204);
        api.answer(as(post(base + "/leave"), ann.token()), 204);
        api.answer(as(get(base), ann.token()), 404);
        assertThat(JsonPath.<String>read(api.answer(as(get(base), bob.token()), 200), "$.ownerId"))
                .isEqualTo(bob.id());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = ?::uuid"
                                + " AND action = 'conversation.participants-changed'")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void aConversationHasAtMostTheConfiguredNumberOfParticipants() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            ids.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(java.util.UUID.randomUUID())
                    .append('"');
        }
        String answer = api.answer(
                json(
                                post("/api/v1/conversations"),
                                ann.token(),
                                "{\"kind\":\"internal\",\"name\":\"大群\",\"memberIds\":[" + ids + "]}")
                        .header("Accept-Language", "en"),
                409);
        assertThat(answer).contains("at most 500 participants; this would make 501");
    }

    @Test
    void aDissolvedGroupStaysReadableButTakesNoMessageNorChange() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String id = group(api, ann.token(), "internal", "组", bob.id());
        String base = "/api/v1/conversations/" + id;
        api.answer(json(post(base + "/messages"), bob.token(), "{\"text\":\"你好\"}"), 201);

        api.answer(as(delete(base), bob.token()), 403);
        api.answer(as(delete(base), ann.token()), 204);

        String read = api.answer(as(get(base + "/messages"), bob.token()), 200);
        assertThat(JsonPath.<List<String>>read(read, "$.items[*].text")).containsExactly("你好");
        String post = api.answer(
                json(post(base + "/messages"), bob.token(), "{\"text\":\"还在吗\"}")
                        .header("Accept-Language", "zh-CN"),
                409);
        assertThat(post).contains("此会话已解散");
        api.answer(json(patch(base), ann.token(), "{\"name\":\"新\"}"), 409);
    }
}
