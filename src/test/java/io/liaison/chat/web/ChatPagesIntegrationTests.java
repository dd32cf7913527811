package io.liaison.chat.web;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.GuestInvitation;
import io.liaison.identity.Guests;
import io.liaison.identity.MemberService;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The chat pages for members and guests: both languages, a conversation one is not in is not found,
 * a guest never reaches a member's page, and the page's session calls the API only with the page's
 * CSRF token (a cookie alone is nobody), but for a chat file's bytes.
 */
@LiaisonIntegrationTest
class ChatPagesIntegrationTests {

    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final String MEMBER_PASSWORD = "member-password-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    Guests guests;

    Api api;
    Api.Org org;
    Api.Person ann;
    Api.Person eve;
    String group;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        ann = api.newMember(org, "MEMBER");
        eve = api.newMember(org, "MEMBER");
        group = api.createdId(json(
                post("/api/v1/conversations"),
                ann.token(),
                "{\"kind\":\"internal\",\"name\":\"华东项目组\",\"memberIds\":[\"" + org.adminId() + "\"]}"));
    }

    private Cookie logIn(Api.Person person) throws Exception {
        return mvc.perform(post("/login")
                        .with(csrf())
                        .param("organization", org.code())
                        .param("username", person.login())
                        .param("password", person.password()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    private String page(String path, Cookie session, String language, int status) throws Exception {
        return mvc.perform(get(path)
                        .cookie(session, new Cookie("liaison-lang", language))
                        .header("Accept-Language", language))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aMemberSeesTheChatInBothLanguagesWithTheUnreadBadgeAndNotAGroupTheyAreNotIn() throws Exception {
        api.answer(
                json(post("/api/v1/conversations/" + group + "/messages"), ann.token(), "{\"text\":\"明天九点开会\"}"), 201);
        Cookie admin =
                logIn(new Api.Person(org.adminId(), org.adminLogin(), "correct horse battery", org.adminToken()));

        String en = HtmlUtils.htmlUnescape(page("/chats/" + group, admin, "en", 200));
        assertThat(en)
                .contains(
                        "<title>Chats · Liaison</title>",
                        "New group",
                        "Write a message",
                        "\"recalled\":\"This message was recalled.\"")
                .contains("data-selected=\"" + group + "\"")
                .containsPattern("data-nav-badge=\"/chats\"[^>]*>1</span>");

        String zh = HtmlUtils.htmlUnescape(page("/chats", admin, "zh-CN", 200));
        assertThat(zh).contains("<title>消息 · Liaison</title>", "发起群聊", "\"recalled\":\"此消息已撤回。\"");

        Cookie stranger = logIn(eve);
        page("/chats", stranger, "en", 200);
        page("/chats/" + group, stranger, "en", 404);
        page("/chats/" + UUID.randomUUID(), stranger, "en", 404);
    }

    @Test
    void thePagesSessionCallsTheApiOnlyWithThePagesToken() throws Exception {
        Cookie session = logIn(ann);
        String html = page("/chats", session, "en", 200);
        Matcher token = CSRF.matcher(html);
        assertThat(token.find()).isTrue();

        mvc.perform(get("/api/v1/conversations").cookie(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/conversations").cookie(session).header("X-CSRF-TOKEN", "forged"))
                .andExpect(status().isUnauthorized());
        String mine =
                api.answer(get("/api/v1/conversations").cookie(session).header("X-CSRF-TOKEN", token.group(1)), 200);
        assertThat(mine).contains("华东项目组");
        mvc.perform(post("/api/v1/conversations/" + group + "/messages")
                        .cookie(session)
                        .contentType("application/json")
                        .content("{\"text\":\"hi\"}"))
                .andExpect(status().isUnauthorized());
        api.answer(
                post("/api/v1/conversations/" + group + "/messages")
                        .cookie(session)
                        .header("X-CSRF-TOKEN", token.group(1))
                        .contentType("application/json")
                        .content("{\"text\":\"hi\"}"),
                201);
        // the same session goes on: the API's answers neither end it nor change its id
        page("/chats", session, "en", 200);
        api.answer(get("/api/v1/conversations").cookie(session).header("X-CSRF-TOKEN", token.group(1)), 200);
    }

    @Test
    void aGuestLandsInTheirChatsAndNeverReachesAMembersPage() throws Exception {
        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        GuestInvitation invitation = guests.invite(admin, UUID.randomUUID(), UUID.randomUUID(), null);
        String path = invitation.url().substring(invitation.url().indexOf("/guest/join/"));
        Cookie session = mvc.perform(post(path)
                        .with(csrf())
                        .param("displayName", "李雷")
                        .param("login", "lilei-" + org.code())
                        .param("password", "guest-password-1")
                        .param("password2", "guest-password-1"))
                .andExpect(redirectedUrl("/guest"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/guest").cookie(session)).andExpect(redirectedUrl("/guest/chats"));

        String en = HtmlUtils.htmlUnescape(page("/guest/chats", session, "en", 200));
        assertThat(en).contains("Chats · ", "李雷", "data-guest=\"true\"", "Search all my chats");
        assertThat(en).doesNotContain("New group", "chat-new-direct", "member-picker");
        String zh = HtmlUtils.htmlUnescape(page("/guest/chats", session, "zh-CN", 200));
        assertThat(zh).contains("消息 · ", "在我的所有会话中搜索");

        page("/guest/chats/" + group, session, "en", 404);
        page("/chats", session, "en", 404);
        page("/chats/" + group, session, "en", 404);
        assertThat(guests.find(admin.orgId(), guestId(session))).isPresent();
    }

    private UUID guestId(Cookie session) throws Exception {
        String me = api.answer(get("/api/v1/me").cookie(session), 200);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(me);
        assertThat(id.find()).isTrue();
        return UUID.fromString(id.group(1));
    }
}
