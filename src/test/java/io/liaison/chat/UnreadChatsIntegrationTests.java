package io.liaison.chat;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The conversations with unread messages another module's page lists: the member's own, named as they
 * see them (a direct chat by the other member), the latest message first, gone once read.
 */
@LiaisonIntegrationTest
class UnreadChatsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnreadChats unread;

    @Autowired
    MemberService members;

    @Test
    void listsTheMembersConversationsWithUnreadMessagesUntilTheyAreRead() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        Api.Person carl = api.newMember(org, "MEMBER");
        String group = api.createdId(json(post("/api/v1/conversations"), bob.token(), """
                {"kind":"internal","name":"周会","memberIds":["%s"]}""".formatted(ann.id())));
        String direct = api.createdId(json(post("/api/v1/conversations"), bob.token(), """
                {"kind":"direct","memberIds":["%s"]}""".formatted(ann.id())));
        String others = api.createdId(json(post("/api/v1/conversations"), bob.token(), """
                {"kind":"internal","name":"别的组","memberIds":["%s"]}""".formatted(carl.id())));
        say(api, bob, group, "第一条");
        say(api, bob, group, "第二条");
        say(api, bob, others, "与 Ann 无关");
        say(api, bob, direct, "在吗");
        Actor reader = members.actor(UUID.fromString(ann.id())).orElseThrow();

        assertThat(unread.latest(reader, 5))
                .extracting(UnreadChats.Unread::name, UnreadChats.Unread::unread)
                .as("the latest message first, the direct chat named by the other member")
                .containsExactly(tuple("Member " + bob.login(), 1L), tuple("周会", 2L));
        assertThat(unread.count(reader, 100)).isEqualTo(2);
        assertThat(unread.count(reader, 1)).as("counted up to the cap").isEqualTo(1);
        assertThat(unread.latest(reader, 1)).hasSize(1);

        api.answer(json(post("/api/v1/conversations/" + group + "/read"), ann.token(), "{\"seq\":2}"), 204);
        assertThat(unread.latest(reader, 5))
                .extracting(UnreadChats.Unread::conversationId)
                .containsExactly(UUID.fromString(direct));
        assertThat(unread.count(members.actor(UUID.fromString(carl.id())).orElseThrow(), 100))
                .isEqualTo(1);
    }

    private static void say(Api api, Api.Person author, String conversation, String text) throws Exception {
        api.createdId(
                json(post("/api/v1/conversations/" + conversation + "/messages"), author.token(), """
                {"text":"%s"}""".formatted(text)));
    }
}
