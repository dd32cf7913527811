package io.liaison.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.MemberService;
import io.liaison.identity.NewMember;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@LiaisonIntegrationTest
class IdentityPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    DepartmentService departments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationService organizations;

    Actor admin;
    String suffix;

    @BeforeEach
    void setUp() {
        UUID adminId = jdbc.sql("SELECT id FROM member WHERE login = 'admin' AND system_admin")
                .query(UUID.class)
                .single();
        admin = members.actor(adminId).orElseThrow();
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    RequestPostProcessor as(Actor actor) {
        return authentication(new ActorAuthentication(actor));
    }

    @Test
    void loginPageSpeaksChineseToAChineseBrowser() throws Exception {
        String body = mvc.perform(get("/login").header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("登录").contains("lang=\"zh-CN\"").doesNotContain("Log in");
    }

    @Test
    void theBrowserTabShowsLiaisonsMarkBeforeAndAfterLogin() throws Exception {
        String icon = "<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">";
        mvc.perform(get("/login")).andExpect(content().string(containsString(icon)));
        mvc.perform(get("/members").with(as(admin))).andExpect(content().string(containsString(icon)));
        mvc.perform(get("/favicon.svg"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("image/svg+xml")))
                .andExpect(content().string(containsString("<svg")));
    }

    @Test
    void loginPageExplainsAThrottledLogin() throws Exception {
        mvc.perform(get("/login").param("throttled", "42").header("Accept-Language", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Try again in 42 seconds")));
    }

    @Test
    void pagesNeedALogin() throws Exception {
        mvc.perform(get("/members")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/members").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void htmxSearchAnswersTableRowsWithoutTheLayout() throws Exception {
        String name = "Rowtest " + suffix;
        members.create(
                admin, new NewMember("rowtest-" + suffix, name, null, null, "MEMBER", List.of(), "a-long-password-1"));

        String full = mvc.perform(get("/members").param("q", suffix).with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(full).contains("<nav", "member-search", name);

        String fragment = mvc.perform(get("/members")
                        .param("q", suffix)
                        .header("HX-Request", "true")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment).contains("<tr", name).doesNotContain("<html", "<nav", "<head", "member-search");
    }

    @Test
    void refusedHtmxChangeBecomesAToast() throws Exception {
        Department parent = departments.create(admin, "Toast parent " + suffix, null, 0);
        departments.create(admin, "Toast child " + suffix, parent.id(), 0);

        String toast = mvc.perform(post("/departments/{id}/delete", parent.id())
                        .param("version", String.valueOf(parent.version()))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "zh-CN")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(header().string("HX-Retarget", "#toasts"))
                .andExpect(header().string("HX-Reswap", "beforeend"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(toast).contains("toast").doesNotContain("<nav");
        assertThat(departments.list(admin)).extracting(Department::id).contains(parent.id());
    }

    @Test
    void memberFormShowsTheRejectedFields() throws Exception {
        String body = mvc.perform(post("/members")
                        .param("login", "x")
                        .param("displayName", "")
                        .param("role", "MEMBER")
                        .param("password", "short")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("is-invalid", "must have at least 10 characters", "must have 1 to 100 characters");
    }

    @Test
    void homeShowsTheOrganizationTheRoleAndTheDepartments() throws Exception {
        var created = organizations.create(
                admin,
                new OrganizationService.CreateOrganization(
                        "Home " + suffix, null, "en", "boss-" + suffix, "a-long-password-1", null));
        Actor boss = members.actor(created.admin().id()).orElseThrow();
        var sales = departments.create(boss, "Sales", null, 0);
        var seller = members.create(
                boss,
                new NewMember("one-" + suffix, "one", null, null, "MEMBER", List.of(sales.id()), "a-long-password-1"));

        mvc.perform(get("/").with(as(boss)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"workbench-org-name\">Home " + suffix + "</span>")))
                .andExpect(content().string(containsString("id=\"workbench-figures\"")));
        mvc.perform(get("/").with(as(members.actor(seller.id()).orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("badge text-bg-light border me-1\">Sales</span>")));
    }

    @Test
    void nonAdministratorsReadButDoNotManage() throws Exception {
        var member = members.create(
                admin,
                new NewMember(
                        "reader-" + suffix, "Reader " + suffix, null, null, "MEMBER", List.of(), "a-long-password-1"));
        Actor reader = members.actor(member.id()).orElseThrow();

        String list = mvc.perform(get("/members").with(as(reader)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain("member-new", "/deactivate");
        mvc.perform(get("/members/new").with(as(reader))).andExpect(status().isForbidden());
    }

    @Test
    void languageSwitchIsSavedInTheProfile() throws Exception {
        var member = members.create(
                admin,
                new NewMember("polyglot-" + suffix, "Polyglot", null, null, "MEMBER", List.of(), "a-long-password-1"));
        Actor polyglot = members.actor(member.id()).orElseThrow();

        mvc.perform(post("/language")
                        .param("lang", "zh-CN")
                        .param("back", "//evil.example")
                        .with(csrf())
                        .with(as(polyglot)))
                .andExpect(redirectedUrl("/"));

        assertThat(members.get(admin, member.id()).locale()).isEqualTo("zh-CN");
    }
}
