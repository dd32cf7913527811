package io.liaison.chat;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.UUID;
import org.jsoup.Jsoup;
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

        UnreadChats.Summary before = unread.of(reader);
        assertThat(before.latest())
                .extracting(UnreadChats.Unread::name, UnreadChats.Unread::unread)
                .as("the latest message first, the direct chat named by the other member")
                .containsExactly(tuple("Member " + bob.login(), 1L), tuple("周会", 2L));
        assertThat(before.conversations()).isEqualTo(2);

        api.answer(json(post("/api/v1/conversations/" + group + "/read"), ann.token(), "{\"seq\":2}"), 204);
        UnreadChats.Summary after = unread.of(reader);
        assertThat(after.latest())
                .extracting(UnreadChats.Unread::conversationId)
                .containsExactly(UUID.fromString(direct));
        UnreadChats.Summary carls =
                unread.of(members.actor(UUID.fromString(carl.id())).orElseThrow());
        assertThat(carls.conversations()).isEqualTo(1);
    }

    @Test
    void countsEveryConversationAndListsTheLatestFive() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        for (int i = 1; i <= UnreadChats.LATEST + 2; i++) {
            String group = api.createdId(json(post("/api/v1/conversations"), bob.token(), """
                    {"kind":"internal","name":"组 %d","memberIds":["%s"]}""".formatted(i, ann.id())));
            for (int n = 0; n < i % 3 + 1; n++) {
                say(api, bob, group, "消息 " + n);
            }
        }

        UnreadChats.Summary summary =
                unread.of(members.actor(UUID.fromString(ann.id())).orElseThrow());

        assertThat(summary.conversations()).isEqualTo(7);
        assertThat(summary.latest())
                .extracting(UnreadChats.Unread::unread)
                .as("each group's own messages (group i has i % 3 + 1)")
                .containsExactly(2L, 1L, 3L, 2L, 1L);
        assertThat(summary.latest())
                .extracting(UnreadChats.Unread::name)
                .containsExactly("组 7", "组 6", "组 5", "组 4", "组 3");

        Actor reader = members.actor(UUID.fromString(ann.id())).orElseThrow();
        assertThat(badge("/", reader))
                .as("the workbench's badge is counted with its list: every group's messages, 2+3+1+2+3+1+2")
                .isEqualTo("14");
        assertThat(badge("/contacts", reader)).isEqualTo("14");
        String first = api.createdId(json(post("/api/v1/conversations"), bob.token(), """
                {"kind":"internal","name":"组 8","memberIds":["%s"]}""".formatted(ann.id())));
        say(api, bob, first, "再来一条");
        assertThat(badge("/", reader)).as("a request counts afresh").isEqualTo("15");
    }

    /** The number on the chats' entry of the navigation of a page the member opens. */
    private String badge(String path, Actor actor) throws Exception {
        String page = mvc.perform(get(path).with(authentication(new ActorAuthentication(actor))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(page).select("[data-nav-badge=/chats]").first().text();
    }

    private static void say(Api api, Api.Person author, String conversation, String text) throws Exception {
        api.createdId(
                json(post("/api/v1/conversations/" + conversation + "/messages"), author.token(), """
                {"text":"%s"}""".formatted(text)));
    }
}
