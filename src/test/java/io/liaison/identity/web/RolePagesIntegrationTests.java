package io.liaison.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.access.ContactPermissions;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.identity.Permissions;
import io.liaison.identity.Role;
import io.liaison.identity.RoleService;
import io.liaison.shared.MergePatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The roles page over MockMvc, each test in an organization of its own. */
@LiaisonIntegrationTest
class RolePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DepartmentService departments;

    @Autowired
    RoleService roles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Permissions permissions;

    PageActors actors;
    Actor admin;

    @BeforeEach
    void newOrganization() {
        actors = new PageActors(mvc, members, organizations, jdbc);
        admin = actors.newOrganizationAdmin("Roles");
    }

    Actor newMember(String login, String role) {
        return actors.newMember(admin, login, role);
    }

    String page(MockHttpServletRequestBuilder request, Actor actor, ResultMatcher expected) throws Exception {
        return actors.page(request, actor, expected);
    }

    Role role(String name) {
        return roles.list(admin).stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyDeclaredPermissionHasACheckboxInTheForm() throws Exception {
        String form = page(get("/roles/new"), admin, status().isOk());
        assertThat(permissions.all())
                .hasSize(20)
                .allSatisfy(p -> assertThat(form).contains("id=\"perm-" + p.code() + "\""));
        assertThat(form)
                .containsSubsequence(
                        "Contacts",
                        "Add contacts",
                        "Tags and fields",
                        "Manage tags",
                        "Administration",
                        "Manage members and departments",
                        "Read the audit log",
                        "Mass push",
                        "Send pushes to contacts and groups, and keep their templates",
                        "Approve pushes held for approval");
    }

    @Test
    void theListShowsBuiltInRolesReadOnlyWithTheirPermissions() throws Exception {
        String body = page(get("/roles"), admin, status().isOk());
        assertThat(body)
                .contains("Roles and permissions", "Administrator", "Manager", "Built-in")
                .contains("See full mobile numbers and e-mails", "Read the audit log", "Their departments and below")
                .contains("href=\"/roles\"", "id=\"mask-contact-details\"");
        roles.list(admin).forEach(r -> assertThat(body).doesNotContain("/roles/" + r.id()));
    }

    @Test
    void aCustomRoleIsCreatedEditedAndDeleted() throws Exception {
        Department sales = departments.create(admin, "Sales", null, 0);
        page(get("/roles/new"), admin, status().isOk());
        page(
                post("/roles")
                        .param("name", "Sales lead")
                        .param("permissions", "contact.create", "contact.reveal")
                        .param("dataScope", "CUSTOM")
                        .param("deptIds", sales.id().toString()),
                admin,
                redirectedUrl("/roles"));
        Role created = role("Sales lead");
        assertThat(created.permissions())
                .containsExactlyInAnyOrder(ContactPermissions.CREATE, ContactPermissions.REVEAL);
        assertThat(created.dataScope()).isEqualTo(DataScope.CUSTOM);
        assertThat(created.departmentIds()).containsExactly(sales.id());
        assertThat(page(get("/roles"), admin, status().isOk()))
                .contains("Sales lead", "Chosen departments", "Sales", "/roles/" + created.id() + "/edit");

        String form = page(get("/roles/" + created.id() + "/edit"), admin, status().isOk());
        assertThat(form).contains("value=\"Sales lead\"", "Edit role");
        page(
                post("/roles/" + created.id())
                        .param("name", "Sales leads")
                        .param("permissions", "contact.create")
                        .param("dataScope", "DEPT")
                        .param("version", String.valueOf(created.version())),
                admin,
                redirectedUrl("/roles"));
        Role changed = role("Sales leads");
        assertThat(changed.permissions()).containsExactly(ContactPermissions.CREATE);
        assertThat(changed.dataScope()).isEqualTo(DataScope.DEPT);
        assertThat(changed.departmentIds()).isEmpty();

        String list = page(
                post("/roles/" + created.id() + "/delete")
                        .header("HX-Request", "true")
                        .param("version", String.valueOf(changed.version())),
                admin,
                status().isOk());
        assertThat(list).contains("Role “Sales leads” deleted.").doesNotContain("/roles/" + created.id() + "/edit");
    }

    @Test
    void refusalsShowAtTheFieldOrAboveTheForm() throws Exception {
        String noDepartment = page(
                post("/roles").param("name", "Custom").param("dataScope", "CUSTOM"), admin, status().isBadRequest());
        assertThat(noDepartment).contains("invalid-feedback", "value=\"Custom\"");

        roles.create(admin, new MergePatch(Map.of("name", "Taken", "dataScope", "SELF"), RoleService.FIELDS));
        String taken =
                page(post("/roles").param("name", "Taken").param("dataScope", "SELF"), admin, status().isConflict());
        assertThat(taken).contains("Another role has this name.", "is-invalid");

        newMember("holder", role("Taken").id().toString());
        String inUse = page(
                post("/roles/" + role("Taken").id() + "/delete")
                        .header("HX-Request", "true")
                        .param("version", String.valueOf(role("Taken").version())),
                admin,
                status().isConflict());
        assertThat(inUse).contains("alert-danger", "is held by 1 member(s)");
    }

    @Test
    void aRoleManagerCannotGrantMoreThanTheyHold() throws Exception {
        Role managers = roles.create(
                admin,
                new MergePatch(
                        Map.of(
                                "name", "Role keeper",
                                "dataScope", "SELF",
                                "permissions", List.of("role.manage", "contact.create")),
                        RoleService.FIELDS));
        Actor keeper = newMember("keeper", managers.id().toString());

        String form = page(get("/roles/new"), keeper, status().isOk());
        assertThat(form).contains("You do not hold this permission");
        String refused = page(
                post("/roles")
                        .param("name", "Auditor")
                        .param("permissions", "audit.read")
                        .param("dataScope", "SELF"),
                keeper,
                status().isForbidden());
        assertThat(refused).contains("alert-danger", "cannot grant more than you hold", "value=\"Auditor\"");
        assertThat(page(get("/roles"), keeper, status().isOk())).doesNotContain("mask-contact-details");
    }

    @Test
    void plainMembersNeitherSeeNorOpenTheRolesPage() throws Exception {
        Actor member = newMember("plain", "MEMBER");
        page(get("/roles"), member, status().isForbidden());
        page(get("/roles/new"), member, status().isForbidden());
        assertThat(page(get("/contacts"), member, status().isOk())).doesNotContain("href=\"/roles\"");
        assertThat(page(get("/contacts"), admin, status().isOk())).contains("href=\"/roles\"");
    }

    @Test
    void administratorsSwitchMaskingOffAndOn() throws Exception {
        String off = page(post("/roles/settings").header("HX-Request", "true"), admin, status().isOk());
        assertThat(off).contains("shown in full").doesNotContain("checked");
        assertThat(organizations.mine(admin).maskContactDetails()).isFalse();
        String on = page(
                post("/roles/settings").header("HX-Request", "true").param("maskContactDetails", "true"),
                admin,
                status().isOk());
        assertThat(on).contains("now masked", "checked");
        assertThat(organizations.mine(admin).maskContactDetails()).isTrue();

        Role keepers = roles.create(
                admin,
                new MergePatch(
                        Map.of("name", "Keepers", "dataScope", "SELF", "permissions", List.of("role.manage")),
                        RoleService.FIELDS));
        Actor keeper = newMember("keeper2", keepers.id().toString());
        page(post("/roles/settings").header("HX-Request", "true"), keeper, status().isForbidden());
        assertThat(organizations.mine(admin).maskContactDetails()).isTrue();
    }
}
