package io.liaison.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.GuestInvitation;
import io.liaison.identity.Guests;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The guests' pages and chain: joining logs the guest in on /guest in the organization's language; a
 * guest's session gets 404 outside /guest, /api/v1/me and /api/v1/conversations; a member's session
 * never reaches the guests' own pages; ending access ends an open session at once.
 */
@LiaisonIntegrationTest
class GuestPagesIntegrationTests {

    static final String PASSWORD = "guest-password-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    Guests guests;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    Actor admin;
    UUID contactId;

    @BeforeEach
    void setUp() {
        admin = PageActors.newOrganizationAdmin(members, organizations, jdbc, "guestpages", "zh-CN");
        contactId = UUID.randomUUID();
    }

    private String joinPath() {
        GuestInvitation invitation = guests.invite(admin, contactId, UUID.randomUUID(), "li.lei@example.com");
        return invitation.url().substring(invitation.url().indexOf("/guest/join/"));
    }

    /** Joins through the page and answers the guest's session cookie. */
    private Cookie join() throws Exception {
        Cookie session = mvc.perform(post(joinPath())
                        .with(csrf())
                        .param("displayName", "李雷")
                        .param("login", "")
                        .param("password", PASSWORD)
                        .param("password2", PASSWORD))
                .andExpect(redirectedUrl("/guest"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    @Test
    void theJoinPageSpeaksTheOrganizationsLanguageAndRefusesAUsedLinkClearly() throws Exception {
        String path = joinPath();
        mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("接受邀请")));
        mvc.perform(get(path).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Accept your invitation")));
        mvc.perform(post(path)
                        .with(csrf())
                        .param("displayName", "李雷")
                        .param("password", PASSWORD)
                        .param("password2", "another-password"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("两次输入的密码必须相同")));
        mvc.perform(post(path)
                        .with(csrf())
                        .param("displayName", "李雷")
                        .param("password", PASSWORD)
                        .param("password2", PASSWORD))
                .andExpect(redirectedUrl("/guest"));

        mvc.perform(get(path)).andExpect(status().isGone()).andExpect(content().string(containsString("此邀请链接已被使用")));
    }

    @Test
    void aGuestLandsOnTheirProfileAndGets404EverywhereElse() throws Exception {
        Cookie session = join();

        mvc.perform(get("/guest/profile").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("李雷")))
                .andExpect(content().string(containsString("li.lei@example.com")));
        mvc.perform(get("/api/v1/me").cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("guest"))
                .andExpect(jsonPath("$.displayName").value("李雷"))
                .andExpect(jsonPath("$.orgId").value(admin.orgId().toString()))
                .andExpect(content().string(not(containsString("login"))));
        for (String path : new String[] {"/", "/contacts", "/members", "/profile", "/login", "/audit"}) {
            mvc.perform(get(path).cookie(session)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/contacts").cookie(session))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/members").cookie(session).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aGuestLogsOutAndInAgainOnTheirOwnPage() throws Exception {
        Cookie session = join();
        String orgCode = jdbc.sql("SELECT code FROM organization WHERE id = ?")
                .param(admin.orgId())
                .query(String.class)
                .single();

        mvc.perform(post("/guest/logout").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/guest/login?logout&lang=zh-CN"));
        mvc.perform(get("/guest/profile").cookie(session)).andExpect(redirectedUrl("/guest/login"));
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("organization", orgCode)
                        .param("username", "li.lei@example.com")
                        .param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        Cookie again = mvc.perform(post("/guest/login")
                        .with(csrf())
                        .param("organization", orgCode)
                        .param("username", "li.lei@example.com")
                        .param("password", PASSWORD))
                .andExpect(redirectedUrl("/guest"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/guest/profile").cookie(again)).andExpect(status().isOk());
    }

    @Test
    void aMembersSessionNeverReachesTheGuestsOwnPages() throws Exception {
        Cookie member = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "boss")
                        .param("organization", admin.orgCode())
                        .param("password", PageActors.ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");

        mvc.perform(get("/guest/profile").cookie(member)).andExpect(redirectedUrl("/guest/login"));
        mvc.perform(get("/guest/login").cookie(member)).andExpect(status().isOk());
        mvc.perform(get(joinPath()).cookie(member)).andExpect(status().isOk());
        mvc.perform(get("/").cookie(member)).andExpect(status().isOk());
    }

    @Test
    void endingAccessEndsAnOpenSessionAtOnce() throws Exception {
        Cookie session = join();
        mvc.perform(get("/guest/profile").cookie(session)).andExpect(status().isOk());

        guests.endAccess(admin.orgId(), contactId);

        mvc.perform(get("/guest/profile").cookie(session)).andExpect(redirectedUrl("/guest/login"));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
    }
}
