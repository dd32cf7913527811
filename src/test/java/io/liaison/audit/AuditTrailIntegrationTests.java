package io.liaison.audit;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every change of identity leaves exactly one audit row, with who, what, which record and the values. */
@LiaisonIntegrationTest
class AuditTrailIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
    }

    @Test
    void aMemberIsRecordedFromCreationThroughChangesToDeactivation() throws Exception {
        Api.Person m = api.newMember(org, "MEMBER");
        Map<String, Object> created = only("member.created", m.id());
        assertThat(created).containsEntry("actorId", org.adminId()).containsEntry("targetType", "member");
        assertThat(before(created)).isEmpty();
        assertThat(after(created))
                .containsEntry("login", m.login())
                .containsEntry("role", "MEMBER")
                .doesNotContainKey("password");

        mvc.perform(json(patch("/api/v1/members/" + m.id()), org.adminToken(), """
                        {"displayName":"Renamed","role":"MEMBER","password":"a brand new password"}"""))
                .andExpect(status().isOk());
        Map<String, Object> updated = only("member.updated", m.id());
        assertThat(before(updated)).isEqualTo(Map.of("displayName", "Member " + m.login()));
        assertThat(after(updated)).isEqualTo(Map.of("displayName", "Renamed", "password", "changed"));

        mvc.perform(as(post("/api/v1/members/" + m.id() + "/deactivate"), org.adminToken()))
                .andExpect(status().isOk());
        mvc.perform(as(post("/api/v1/members/" + m.id() + "/activate"), org.adminToken()))
                .andExpect(status().isOk());
        assertThat(before(only("member.deactivated", m.id()))).isEqualTo(Map.of("active", true));
        assertThat(after(only("member.deactivated", m.id()))).isEqualTo(Map.of("active", false));
        assertThat(after(only("member.activated", m.id()))).isEqualTo(Map.of("active", true));
    }

    @Test
    void aMemberChangingTheirOwnPasswordIsRecordedWithoutAnyValue() throws Exception {
        Api.Person m = api.newMember(org, "MEMBER");
        mvc.perform(json(post("/api/v1/me/password"), m.token(), """
                        {"currentPassword":"%s","newPassword":"another long password"}""".formatted(m.password())))
                .andExpect(status().isNoContent());
        Map<String, Object> changed = only("member.password-changed", m.id());
        assertThat(changed).containsEntry("actorId", m.id());
        assertThat(before(changed)).isEmpty();
        assertThat(after(changed)).isEmpty();
    }

    @Test
    void aDepartmentIsRecordedFromCreationToDeletion() throws Exception {
        String parent = api.newDepartment(org, "Sales", null);
        String id = api.newDepartment(org, "East", parent);
        assertThat(after(only("department.created", id)))
                .containsEntry("name", "East")
                .containsEntry("parentId", parent)
                .containsEntry("sortOrder", 0);

        mvc.perform(json(patch("/api/v1/departments/" + id), org.adminToken(), """
                        {"name":"East China","sortOrder":3}"""))
                .andExpect(status().isOk());
        Map<String, Object> updated = only("department.updated", id);
        assertThat(before(updated)).isEqualTo(Map.of("name", "East", "sortOrder", 0));
        assertThat(after(updated)).isEqualTo(Map.of("name", "East China", "sortOrder", 3));

        mvc.perform(as(delete("/api/v1/departments/" + id), org.adminToken())).andExpect(status().isNoContent());
        assertThat(before(only("department.deleted", id))).containsEntry("name", "East China");
    }

    @Test
    void tokensAreRecordedByNameOnly() throws Exception {
        String body = mvc.perform(json(post("/api/v1/tokens"), org.adminToken(), "{\"name\":\"CRM sync\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(as(delete("/api/v1/tokens/" + id), org.adminToken())).andExpect(status().isNoContent());

        assertThat(after(only("token.created", id))).isEqualTo(Map.of("name", "CRM sync"));
        assertThat(before(only("token.revoked", id))).isEqualTo(Map.of("name", "CRM sync"));
    }

    @Test
    void anOrganizationIsRecordedInItselfWithTheSystemAdministratorAsActor() throws Exception {
        UUID systemAdmin = jdbc.sql("SELECT id FROM member WHERE login = 'admin' AND system_admin")
                .query(UUID.class)
                .single();
        Map<String, Object> created = only("organization.created", org.id());
        assertThat(created).containsEntry("actorId", systemAdmin.toString());
        assertThat(after(created)).containsEntry("code", org.code()).containsEntry("adminId", org.adminId());
    }

    @Test
    void noPasswordSecretOrHashEverReachesTheAuditLog() throws Exception {
        Api.Person m = api.newMember(org, "MEMBER");
        mvc.perform(json(patch("/api/v1/members/" + m.id()), org.adminToken(), """
                        {"password":"a brand new password"}"""))
                .andExpect(status().isOk());
        mvc.perform(json(
                        post("/api/v1/me/password"),
                        api.token(org.code() + "/" + m.login(), "a brand new password"),
                        """
                        {"currentPassword":"a brand new password","newPassword":"the third password"}"""))
                .andExpect(status().isNoContent());

        String log = String.join(
                "\n",
                jdbc.sql("SELECT before::text || after::text FROM audit_event WHERE org_id = ?")
                        .param(UUID.fromString(org.id()))
                        .query(String.class)
                        .list());
        List<String> hashes = jdbc.sql("SELECT password_hash FROM member WHERE org_id = ?"
                        + " UNION ALL SELECT token_hash FROM api_token WHERE org_id = ?")
                .params(UUID.fromString(org.id()), UUID.fromString(org.id()))
                .query(String.class)
                .list();
        assertThat(log).contains("\"password\": \"changed\"");
        assertThat(log)
                .doesNotContain(m.password(), "a brand new password", "the third password", "correct horse battery")
                .doesNotContain(m.token(), org.adminToken(), "lia_", "argon2");
        hashes.forEach(hash -> assertThat(log).doesNotContain(hash));
    }

    /** The one audit event of this action on this record, as the API lists it. */
    private Map<String, Object> only(String action, String targetId) throws Exception {
        int rows = jdbc.sql("SELECT count(*) FROM audit_event WHERE org_id = ? AND action = ? AND target_id = ?")
                .params(UUID.fromString(org.id()), action, UUID.fromString(targetId))
                .query(Integer.class)
                .single();
        assertThat(rows).as(action + " rows of " + targetId).isEqualTo(1);
        String body = mvc.perform(as(
                        get("/api/v1/audit-events").param("action", action).param("targetId", targetId),
                        org.adminToken()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.items[0]");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> before(Map<String, Object> event) {
        return (Map<String, Object>) event.get("before");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> after(Map<String, Object> event) {
        return (Map<String, Object>) event.get("after");
    }
}
