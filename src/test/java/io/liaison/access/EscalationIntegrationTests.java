package io.liaison.access;

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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Nobody gains more than they were given: not by changing their own role, scope or departments, not
 * by handing out permissions, scopes or roles they do not hold, not by changing members whose role
 * is stronger than theirs, and not by sharing contacts they may not change.
 */
@LiaisonIntegrationTest
class EscalationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;
    String hq;
    String sales;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        hq = api.newDepartment(org, "HQ", null);
        sales = api.newDepartment(org, "Sales", hq);
    }

    @Test
    void membersCannotChangeTheirOwnRoleScopeOrDepartments() throws Exception {
        String delegateRole = api.newRole(org, "Delegate", "DEPT_TREE", "member.manage", "role.manage");
        for (String role : List.of("MEMBER", "MANAGER", delegateRole)) {
            Api.Person self = api.newMember(org, role, sales);
            String url = "/api/v1/members/" + self.id();
            String before = row("member", self.id()) + departments(self.id());
            for (String body : List.of(
                    "{\"role\":\"ADMIN\"}",
                    "{\"role\":\"MANAGER\"}",
                    "{\"departmentIds\":[\"" + hq + "\"]}",
                    "{\"departmentIds\":[]}",
                    "{\"password\":\"a brand new password\"}")) {
                api.answer(json(patch(url), self.token(), body), 403);
            }
            assertThat(row("member", self.id()) + departments(self.id()))
                    .as(role)
                    .isEqualTo(before);
            // their own profile, though, is theirs to change
            api.answer(json(patch(url), self.token(), "{\"displayName\":\"Renamed\"}"), 200);
        }
    }

    @Test
    void aDelegateCannotWidenTheirOwnRole() throws Exception {
        String delegateRole = api.newRole(org, "Delegate", "DEPT_TREE", "member.manage", "role.manage");
        Api.Person delegate = api.newMember(org, delegateRole, sales);
        String before = row("role", delegateRole);
        api.answer(
                json(
                        patch("/api/v1/roles/" + delegateRole),
                        delegate.token(),
                        "{\"permissions\":[\"member.manage\",\"role.manage\",\"contact.reveal\"]}"),
                403);
        api.answer(json(patch("/api/v1/roles/" + delegateRole), delegate.token(), "{\"dataScope\":\"ALL\"}"), 403);
        api.answer(
                json(
                        patch("/api/v1/roles/" + delegateRole),
                        delegate.token(),
                        "{\"dataScope\":\"CUSTOM\",\"deptIds\":[\"" + hq + "\"]}"),
                403);
        assertThat(row("role", delegateRole)).isEqualTo(before);
        assertThat((String) JsonPath.read(api.answer(as(get("/api/v1/me"), delegate.token()), 200), "$.dataScope"))
                .isEqualTo("DEPT_TREE");
    }

    @Test
    void aDelegateHandsOutNeitherPermissionsNorScopesNorRolesTheyDoNotHold() throws Exception {
        String delegateRole = api.newRole(org, "Delegate", "DEPT_TREE", "member.manage", "role.manage");
        Api.Person delegate = api.newMember(org, delegateRole, sales);
        String t = delegate.token();
        String roles = count("role");
        String members = count("member");

        // roles with a permission or a scope beyond their own
        api.answer(
                json(
                        post("/api/v1/roles"),
                        t,
                        "{\"name\":\"Revealer\",\"dataScope\":\"SELF\",\"permissions\":[\"contact.reveal\"]}"),
                403);
        api.answer(
                json(post("/api/v1/roles"), t, "{\"name\":\"Everything\",\"dataScope\":\"ALL\",\"permissions\":[]}"),
                403);
        api.answer(
                json(
                        post("/api/v1/roles"),
                        t,
                        "{\"name\":\"Picked\",\"dataScope\":\"CUSTOM\",\"deptIds\":[\"" + hq
                                + "\"],\"permissions\":[]}"),
                403);
        String narrower = api.newRole(org, "Narrow", "SELF");
        String narrowerBefore = row("role", narrower);
        api.answer(json(patch("/api/v1/roles/" + narrower), t, "{\"permissions\":[\"contact.reveal\"]}"), 403);
        api.answer(json(patch("/api/v1/roles/" + narrower), t, "{\"dataScope\":\"ALL\"}"), 403);
        assertThat(row("role", narrower)).isEqualTo(narrowerBefore);
        assertThat(count("role")).isEqualTo(String.valueOf(Long.parseLong(roles) + 1));

        // the ADMIN role, or MANAGER with its contact.reveal, to a new member or an existing one
        for (String role : List.of("ADMIN", "MANAGER")) {
            api.answer(
                    json(
                            post("/api/v1/members"),
                            t,
                            "{\"login\":\"" + Api.unique("x")
                                    + "\",\"displayName\":\"X\",\"password\":\"0123456789abc\"," + "\"role\":\"" + role
                                    + "\"}"),
                    403);
        }
        assertThat(count("member")).isEqualTo(members);
        // a member whose role is within the delegate's, so that only the role handed out is at stake
        Api.Person member = api.newMember(org, narrower, sales);
        String memberBefore = row("member", member.id());
        api.answer(json(patch("/api/v1/members/" + member.id()), t, "{\"role\":\"ADMIN\"}"), 403);
        api.answer(json(patch("/api/v1/members/" + member.id()), t, "{\"role\":\"MANAGER\"}"), 403);
        assertThat(row("member", member.id())).isEqualTo(memberBefore);

        // what they hold they may hand out
        String other = api.newRole(org, "Other narrow", "DEPT", "member.manage");
        api.answer(json(patch("/api/v1/members/" + member.id()), t, "{\"role\":\"" + other + "\"}"), 200);
    }

    @Test
    void aDelegateCannotChangeAnAdministratorOrAManager() throws Exception {
        String delegateRole = api.newRole(org, "Delegate", "DEPT_TREE", "member.manage", "role.manage");
        Api.Person delegate = api.newMember(org, delegateRole, sales);
        Api.Person administrator = api.newMember(org, "ADMIN", sales);
        Api.Person manager = api.newMember(org, "MANAGER", sales);
        for (Api.Person target : List.of(administrator, manager)) {
            String url = "/api/v1/members/" + target.id();
            String before = row("member", target.id()) + departments(target.id());
            api.answer(json(patch(url), delegate.token(), "{\"displayName\":\"Demoted\"}"), 403);
            api.answer(json(patch(url), delegate.token(), "{\"role\":\"MEMBER\"}"), 403);
            api.answer(json(patch(url), delegate.token(), "{\"departmentIds\":[]}"), 403);
            api.answer(json(patch(url), delegate.token(), "{\"password\":\"taken over password\"}"), 403);
            api.answer(as(post(url + "/deactivate"), delegate.token()), 403);
            assertThat(row("member", target.id()) + departments(target.id())).isEqualTo(before);
            // and the target still works
            api.answer(as(get("/api/v1/me"), target.token()), 200);
        }
    }

    @Test
    void sharingNeedsMoreThanSeeingOrCollaborating() throws Exception {
        Api.Person owner = api.newMember(org, "MEMBER", hq);
        Api.Person reader = api.newMember(org, "MEMBER", sales);
        Api.Person collaborator = api.newMember(org, "MEMBER", sales);
        Api.Person outsider = api.newMember(org, "MEMBER");
        // a manager of Sales reads it only through the department share: it lies outside their scope
        Api.Person manager = api.newMember(org, "MANAGER", sales);
        String contact = api.createdId(json(
                post("/api/v1/contacts"),
                owner.token(),
                "{\"name\":\"Shared\",\"shareUserIds\":[\"" + reader.id() + "\"],\"shareDeptIds\":[\"" + sales
                        + "\"],\"collaboratorIds\":[\"" + collaborator.id() + "\"]}"));
        String url = "/api/v1/contacts/" + contact;
        String before = contactState(contact);

        List<String> changes = List.of(
                "{\"shareUserIds\":[\"" + reader.id() + "\",\"" + outsider.id() + "\"]}",
                "{\"shareUserIds\":[]}",
                "{\"collaboratorIds\":[\"" + collaborator.id() + "\",\"" + reader.id() + "\"]}",
                "{\"collaboratorIds\":[]}",
                "{\"shareDeptIds\":[\"" + hq + "\"]}");
        for (Api.Person actor : List.of(reader, manager, collaborator)) {
            for (String change : changes) {
                api.answer(json(patch(url), actor.token(), change), 403);
            }
            String batch = api.answer(
                    json(
                            post("/api/v1/contacts/batch"),
                            actor.token(),
                            "{\"action\":\"share\",\"shareUserIds\":[\"" + outsider.id() + "\"],\"contactIds\":[\""
                                    + contact + "\"]}"),
                    200);
            assertThat((String) JsonPath.read(batch, "$.results[0].status")).isEqualTo("forbidden");
        }
        // one who does not see it learns nothing
        api.answer(json(patch(url), outsider.token(), "{\"shareUserIds\":[\"" + outsider.id() + "\"]}"), 404);
        assertThat(contactState(contact)).isEqualTo(before);

        // the collaborator still edits the fields, and the owner shares
        api.answer(json(patch(url), collaborator.token(), "{\"remark\":\"collaborating\"}"), 200);
        api.answer(json(patch(url), owner.token(), "{\"shareUserIds\":[\"" + outsider.id() + "\"]}"), 200);
    }

    String contactState(String id) {
        UUID uuid = UUID.fromString(id);
        return jdbc.sql("SELECT row_to_json(c)::text FROM contact c WHERE c.id = ?")
                        .param(uuid)
                        .query(String.class)
                        .single()
                + List.of("contact_share_member", "contact_share_department", "contact_collaborator").stream()
                        .map(table -> jdbc.sql("SELECT coalesce(string_agg(t::text, ',' ORDER BY t::text), '') FROM "
                                        + table + " t WHERE t.contact_id = ?")
                                .param(uuid)
                                .query(String.class)
                                .single())
                        .toList();
    }

    String row(String table, String id) {
        return jdbc.sql("SELECT row_to_json(t)::text FROM " + table + " t WHERE t.id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    String departments(String memberId) {
        return jdbc.sql("SELECT coalesce(string_agg(department_id::text, ',' ORDER BY department_id), '')"
                        + " FROM member_department WHERE member_id = ?")
                .param(UUID.fromString(memberId))
                .query(String.class)
                .single();
    }

    String count(String table) {
        return jdbc.sql("SELECT count(*)::text FROM " + table + " WHERE org_id = ?")
                .param(UUID.fromString(org.id()))
                .query(String.class)
                .single();
    }
}
