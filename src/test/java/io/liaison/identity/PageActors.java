package io.liaison.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.liaison.identity.internal.ActorAuthentication;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Test helpers for page tests that act through the services: a new English organization with its
 * administrator, members in it, and a page request made as one of them.
 */
public final class PageActors {

    private final MockMvc mvc;
    private final MemberService members;
    private final OrganizationService organizations;
    private final JdbcClient jdbc;

    public PageActors(MockMvc mvc, MemberService members, OrganizationService organizations, JdbcClient jdbc) {
        this.mvc = mvc;
        this.members = members;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    /** The password of every administrator these helpers make, login {@code boss}. */
    public static final String ADMIN_PASSWORD = "boss-password-1";

    /** The administrator of a new English organization whose name and code start with {@code prefix}. */
    public Actor newOrganizationAdmin(String prefix) {
        return newOrganizationAdmin(prefix, "en");
    }

    /** The same in {@code locale} (en or zh-CN). */
    public Actor newOrganizationAdmin(String prefix, String locale) {
        return newOrganizationAdmin(members, organizations, jdbc, prefix, locale);
    }

    /** For tests without MockMvc. */
    public static Actor newOrganizationAdmin(
            MemberService members, OrganizationService organizations, JdbcClient jdbc, String prefix, String locale) {
        return newOrganizationAdmin(members, organizations, jdbc, prefix, locale, "Boss");
    }

    /** The same with the administrator's name, which browser tests read on their pages. */
    public static Actor newOrganizationAdmin(
            MemberService members,
            OrganizationService organizations,
            JdbcClient jdbc,
            String prefix,
            String locale,
            String adminName) {
        UUID systemAdminId = jdbc.sql("SELECT id FROM member WHERE login = 'admin' AND system_admin")
                .query(UUID.class)
                .single();
        Actor systemAdmin = members.actor(systemAdminId).orElseThrow();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var created = organizations.create(
                systemAdmin,
                new OrganizationService.CreateOrganization(
                        prefix + " " + suffix,
                        prefix.toLowerCase(Locale.ROOT) + "-" + suffix,
                        locale,
                        "boss",
                        ADMIN_PASSWORD,
                        adminName));
        return members.actor(created.admin().id()).orElseThrow();
    }

    public Actor newMember(Actor admin, String login, String role, UUID... departmentIds) {
        Member m = members.create(
                admin,
                new NewMember(login, "Member " + login, null, null, role, List.of(departmentIds), "member-password-1"));
        return members.actor(m.id()).orElseThrow();
    }

    /** The page's HTML as {@code actor} sees it in English, after checking the answer's status. */
    public String page(MockHttpServletRequestBuilder request, Actor actor, ResultMatcher expected) throws Exception {
        return mvc.perform(request.header("Accept-Language", "en")
                        .with(authentication(new ActorAuthentication(actor)))
                        .with(csrf()))
                .andExpect(expected)
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
