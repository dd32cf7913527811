package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
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
class MessageApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void messagesAreNumberedInOrderAndUnreadIsTheDifference() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String id = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "组", bob.id());
        String base = "/api/v1/conversations/" + id;
        for (int i = 1; i <= 3; i++) {
            String posted = api.answer(json(post(base + "/messages"), ann.token(), "{\"text\":\"第" + i + "条\"}"), 201);
            assertThat(JsonPath.<Integer>read(posted, "$.seq")).isEqualTo(i);
        }

        String bobs = api.answer(as(get("/api/v1/conversations"), bob.token()), 200);
        assertThat(JsonPath.<Integer>read(bobs, "$.items[0].unread")).isEqualTo(3);
        assertThat(JsonPath.<String>read(bobs, "$.items[0].lastMessage.text")).isEqualTo("第3条");
        String anns = api.answer(as(get("/api/v1/conversations"), ann.token()), 200);
        assertThat(JsonPath.<Integer>read(anns, "$.items[0].unread")).isZero();

        api.answer(json(post(base + "/read"), bob.token(), "{\"seq\":2}"), 204);
        api.answer(json(post(base + "/read"), bob.token(), "{\"seq\":1}"), 204);
        assertThat(JsonPath.<Integer>read(api.answer(as(get(base), bob.token()), 200), "$.unread"))
                .isEqualTo(1);
        api.answer(json(post(base + "/read"), bob.token(), "{\"seq\":4}"), 400);

        String caughtUp = api.answer(as(get(base + "/messages?afterSeq=1"), bob.token()), 200);
        assertThat(JsonPath.<List<Integer>>read(caughtUp, "$.items[*].seq")).containsExactly(2, 3);
        String newest = api.answer(as(get(base + "/messages?limit=2"), bob.token()), 200);
        assertThat(JsonPath.<List<Integer>>read(newest, "$.items[*].seq")).containsExactly(3, 2);
        String cursor = JsonPath.read(newest, "$.nextCursor");
        String older = api.answer(as(get(base + "/messages?limit=2&cursor=" + cursor), bob.token()), 200);
        assertThat(JsonPath.<List<Integer>>read(older, "$.items[*].seq")).containsExactly(1);
    }

    @Test
    void messagesPostedAtOnceGetEveryNumberOnce() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String id = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "组", bob.id());
        String base = "/api/v1/conversations/" + id + "/messages";
        List<java.util.concurrent.Callable<Integer>> posts = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String token = i % 2 == 0 ? ann.token() : bob.token();
            posts.add(() -> JsonPath.read(api.answer(json(post(base), token, "{\"text\":\"并发\"}"), 201), "$.seq"));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<Integer> seqs = new java.util.ArrayList<>();
        try {
            for (var future : pool.invokeAll(posts)) {
                seqs.add(future.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(seqs).doesNotHaveDuplicates().hasSize(40).allMatch(seq -> seq >= 1 && seq <= 40);
        String page = api.answer(as(get(base + "?afterSeq=0&limit=200"), bob.token()), 200);
        assertThat(JsonPath.<List<Integer>>read(page, "$.items[*].seq"))
                .hasSize(40)
                .isSorted();
    }

    @Test
    void markdownIsRenderedAndRawHtmlNeverPasses() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        String id = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "组");
        String text = "**报价** ~~旧价~~ 见 https://example.com <script>alert(1)</script> [x](javascript:alert(1))"
                + " <img src=x onerror=alert(1)>";
        String posted = api.answer(
                json(post("/api/v1/conversations/" + id + "/messages"), ann.token(), "{\"text\":\"" + text + "\"}"),
                201);
        String html = JsonPath.read(posted, "$.html");
        assertThat(html)
                .contains("<strong>报价</strong>", "<del>旧价</del>", "<a href=\"https://example.com\"")
                .doesNotContain("<script", "<img", "javascript:", "onerror=\"");
        assertThat(JsonPath.<String>read(posted, "$.text")).isEqualTo(text);
    }

    @Test
    void mutedParticipantsAndMembersInAnnouncementModeAreRefusedWithAClearReason() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String id = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "组", bob.id());
        String base = "/api/v1/conversations/" + id;

        api.answer(json(patch(base + "/participants?memberId=" + bob.id()), ann.token(), "{\"muted\":true}"), 200);
        String muted = api.answer(
                json(post(base + "/messages"), bob.token(), "{\"text\":\"hi\"}").header("Accept-Language", "en"), 403);
        assertThat(muted).contains("an admin has muted you");
        api.answer(json(patch(base + "/participants?memberId=" + bob.id()), ann.token(), "{\"muted\":false}"), 200);

        api.answer(json(patch(base), ann.token(), "{\"settings\":{\"adminsOnlyPost\":true}}"), 200);
        String announcement = api.answer(
                json(post(base + "/messages"), bob.token(), "{\"text\":\"hi\"}").header("Accept-Language", "zh-CN"),
                403);
        assertThat(announcement).contains("本群为公告模式");
        api.answer(json(post(base + "/messages"), ann.token(), "{\"text\":\"通知\"}"), 201);
    }

    @Test
    void onlyTheAuthorEditsAndRecallsAndARecallLeavesRecalledForEveryone() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String id = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "组", bob.id());
        String base = "/api/v1/conversations/" + id + "/messages";
        String first = api.createdId(json(post(base), ann.token(), "{\"text\":\"原文\"}"));
        String reply =
                api.answer(json(post(base), bob.token(), "{\"text\":\"回复\",\"replyTo\":\"" + first + "\"}"), 201);
        assertThat(JsonPath.<String>read(reply, "$.replyTo")).isEqualTo(first);
        String otherGroup = ConversationApiIntegrationTests.group(api, bob.token(), "internal", "另一组");
        api.answer(
                json(
                        post("/api/v1/conversations/" + otherGroup + "/messages"),
                        bob.token(),
                        "{\"text\":\"x\",\"replyTo\":\"" + first + "\"}"),
                400);

        api.answer(json(patch(base + "/" + first), bob.token(), "{\"text\":\"改\"}"), 403);
        String edited = api.answer(json(patch(base + "/" + first), ann.token(), "{\"text\":\"*改过*\"}"), 200);
        assertThat(JsonPath.<String>read(edited, "$.html")).isEqualTo("<p><em>改过</em></p>");
        assertThat(JsonPath.<String>read(edited, "$.editedAt")).isNotNull();

        api.answer(as(post(base + "/" + first + "/recall"), bob.token()), 403);
        api.answer(as(post(base + "/" + first + "/recall"), ann.token()), 200);
        String seen = api.answer(as(get(base + "?afterSeq=0"), bob.token()), 200);
        assertThat(JsonPath.<String>read(seen, "$.items[0].recalledAt")).isNotNull();
        assertThat(JsonPath.<Object>read(seen, "$.items[0].text")).isNull();
        assertThat(JsonPath.<Object>read(seen, "$.items[0].html")).isNull();

        String late = api.createdId(json(post(base), ann.token(), "{\"text\":\"晚了\"}"));
        jdbc.sql("UPDATE chat_message SET created_at = now() - interval '3 minutes' WHERE id = ?::uuid")
                .param(late)
                .update();
        String tooLate =
                api.answer(as(post(base + "/" + late + "/recall"), ann.token()).header("Accept-Language", "en"), 409);
        assertThat(tooLate).contains("only within 2 minutes");
    }

    @Test
    void aMentionTellsTheMentionedButNeverTheAuthorThemself() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        Api.Person eve = api.newMember(org, "MEMBER");
        String id = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "销售组", bob.id());
        String base = "/api/v1/conversations/" + id + "/messages";

        api.answer(json(post(base), ann.token(), "{\"text\":\"@x\",\"mentions\":[\"" + eve.id() + "\"]}"), 400);
        api.answer(
                json(
                        post(base),
                        ann.token(),
                        "{\"text\":\"请看\",\"mentions\":[\"" + bob.id() + "\",\"" + ann.id() + "\"]}"),
                201);
        String notes =
                api.answer(as(get("/api/v1/notifications"), bob.token()).header("Accept-Language", "zh-CN"), 200);
        assertThat(notes).contains("在 销售组 中@了你", "请看");
        String english =
                api.answer(as(get("/api/v1/notifications"), bob.token()).header("Accept-Language", "en"), 200);
        assertThat(english).contains("mentioned you in 销售组");
        String anns = api.answer(as(get("/api/v1/notifications"), ann.token()), 200);
        assertThat(anns).doesNotContain("销售组");
    }

    @Test
    void aFileIsReadableByTheParticipantsOfAConversationWhereAMessageCarriesIt() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        Api.Person eve = api.newMember(org, "MEMBER");
        String id = ConversationApiIntegrationTests.group(api, ann.token(), "internal", "组", bob.id());
        String message = api.createdId(
                json(post("/api/v1/conversations/" + id + "/messages"), ann.token(), "{\"text\":\"附件\"}"));
        java.util.UUID file = java.util.UUID.randomUUID();
        jdbc.sql("UPDATE chat_message SET file_ids = ARRAY[?::uuid] WHERE id = ?::uuid")
                .params(file.toString(), message)
                .update();

        assertThat(readers.mayRead(
                        users.of(actors.actor(java.util.UUID.fromString(bob.id()))
                                .orElseThrow()),
                        file))
                .isTrue();
        assertThat(readers.mayRead(
                        users.of(actors.actor(java.util.UUID.fromString(eve.id()))
                                .orElseThrow()),
                        file))
                .isFalse();
        api.answer(as(post("/api/v1/conversations/" + id + "/messages/" + message + "/recall"), ann.token()), 200);
        assertThat(readers.mayRead(
                        users.of(actors.actor(java.util.UUID.fromString(bob.id()))
                                .orElseThrow()),
                        file))
                .isFalse();
    }

    @Autowired
    FileReaders readers;

    @Autowired
    ChatUsers users;

    @Autowired
    io.liaison.identity.MemberService actors;
}
