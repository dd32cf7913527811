package io.liaison.identity;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class MemberApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
    }

    @Test
    void anAdministratorCreatesAMemberWhoCanThenWorkWithTheApi() throws Exception {
        String sales = api.newDepartment(org, "Sales", null);
        String body = mvc.perform(json(post("/api/v1/members"), org.adminToken(), """
                                {"login":"li.ming","displayName":"李明","mobile":"138 0013 8000",
                                 "email":"Li.Ming@Example.CN","role":"MANAGER","departmentIds":["%s"],
                                 "password":"a long enough password"}
                                """.formatted(sales)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/members/")))
                .andExpect(jsonPath("$.email").value("li.ming@example.cn"))
                .andExpect(jsonPath("$.mobile").value("13800138000"))
                .andExpect(jsonPath("$.role").value("MANAGER"))
                .andExpect(jsonPath("$.departmentIds[0]").value(sales))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");

        String token = api.token(org.code() + "/li.ming", "a long enough password");
        mvc.perform(as(get("/api/v1/me"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.displayName").value("李明"))
                .andExpect(jsonPath("$.role").value("MANAGER"))
                .andExpect(jsonPath("$.systemAdmin").value(false))
                .andExpect(jsonPath("$.organization.id").value(org.id()))
                .andExpect(jsonPath("$.departments[0].name").value("Sales"));
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() throws Exception {
        mvc.perform(json(post("/api/v1/members"), org.adminToken(), """
                        {"login":"x","displayName":"","email":"not-an-email","role":"MEMBER",
                         "departmentIds":["0190a5d2-0000-7000-8000-000000000000"],"password":"short"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation"))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder("login", "displayName", "email", "departmentIds", "password")))
                .andExpect(jsonPath("$.detail", containsString("at least 10 characters")));
        mvc.perform(json(post("/api/v1/members"), org.adminToken(), "{\"login\":\"ok-login\",\"role\":\"BOSS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    @Test
    void aDuplicateLoginIsAConflictWithinTheOrganizationOnly() throws Exception {
        Api.Person first = api.newMember(org, "MEMBER");
        String again = "{\"login\":\"" + first.login().toUpperCase()
                + "\",\"displayName\":\"Other\",\"password\":\"another password\"}";
        mvc.perform(json(post("/api/v1/members"), org.adminToken(), again))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/login-taken"));

        Api.Org other = api.newOrg();
        mvc.perform(json(post("/api/v1/members"), other.adminToken(), again)).andExpect(status().isCreated());
    }

    @Test
    void listsPageByCursorAndFilter() throws Exception {
        String dept = api.newDepartment(org, "Field", null);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.newMember(org, "MEMBER", dept).id());
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String url =
                    "/api/v1/members?departmentId=" + dept + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
            String body = mvc.perform(as(get(url), org.adminToken()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> page = JsonPath.read(body, "$.items[*].id");
            seen.addAll(page);
            cursor = JsonPath.read(body, "$.nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(ids);
        assertThat(pages).isEqualTo(3);

        Api.Person one = api.newMember(org, "MEMBER");
        mvc.perform(as(get("/api/v1/members?q=" + one.login().substring(2)), org.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(one.id()));
        mvc.perform(as(get("/api/v1/members?limit=500"), org.adminToken()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void aMemberEditsTheirProfileButNotTheirRoleOrDepartmentsNorAnyoneElse() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        Api.Person colleague = api.newMember(org, "MEMBER");
        String dept = api.newDepartment(org, "Sales", null);

        mvc.perform(json(patch("/api/v1/members/" + member.id()), member.token(), "{\"displayName\":\"New Name\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("New Name"));
        mvc.perform(json(patch("/api/v1/members/" + member.id()), member.token(), "{\"role\":\"ADMIN\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(
                        patch("/api/v1/members/" + member.id()),
                        member.token(),
                        "{\"departmentIds\":[\"" + dept + "\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(patch("/api/v1/members/" + colleague.id()), member.token(), "{\"displayName\":\"Hacked\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(
                        post("/api/v1/members"),
                        member.token(),
                        "{\"login\":\"sneaky\",\"displayName\":\"S\",\"password\":\"0123456789ab\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(post("/api/v1/members/" + colleague.id() + "/deactivate"), member.token()))
                .andExpect(status().isForbidden());
        mvc.perform(as(get("/api/v1/members/" + member.id()), org.adminToken()))
                .andExpect(jsonPath("$.role").value("MEMBER"))
                .andExpect(jsonPath("$.departmentIds.length()").value(0));
        mvc.perform(json(patch("/api/v1/members/" + member.id()), member.token(), "{\"login\":\"renamed\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("login"));
    }

    @Test
    void anAdministratorChangesRolesAndPasswordsButTheLastAdministratorStays() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        mvc.perform(json(
                        patch("/api/v1/members/" + member.id()),
                        org.adminToken(),
                        "{\"role\":\"MANAGER\",\"password\":\"a brand new password\",\"email\":null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("MANAGER"));
        api.token(org.code() + "/" + member.login(), "a brand new password");

        mvc.perform(json(patch("/api/v1/members/" + org.adminId()), org.adminToken(), "{\"role\":\"MEMBER\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/last-administrator"));
        mvc.perform(as(post("/api/v1/members/" + org.adminId() + "/deactivate"), org.adminToken()))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void ownPasswordChangeNeedsTheCurrentOne() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        mvc.perform(json(
                        post("/api/v1/me/password"),
                        member.token(),
                        "{\"currentPassword\":\"wrong\",\"newPassword\":\"new password 12\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(json(
                        post("/api/v1/me/password"),
                        member.token(),
                        "{\"currentPassword\":\"" + member.password() + "\",\"newPassword\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        mvc.perform(json(
                        post("/api/v1/me/password"),
                        member.token(),
                        "{\"currentPassword\":\"" + member.password() + "\",\"newPassword\":\"new password 12\"}"))
                .andExpect(status().isNoContent());
        api.token(org.code() + "/" + member.login(), "new password 12");
    }

    @Test
    void deactivatedMembersAreListedOnlyOnRequest() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        mvc.perform(as(post("/api/v1/members/" + member.id() + "/deactivate"), org.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(as(get("/api/v1/members"), org.adminToken()))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(member.id()))));
        mvc.perform(as(get("/api/v1/members?includeInactive=true"), org.adminToken()))
                .andExpect(jsonPath("$.items[*].id", hasItem(member.id())));
        mvc.perform(as(post("/api/v1/members/" + member.id() + "/activate"), org.adminToken()))
                .andExpect(jsonPath("$.active").value(true));
        api.token(org.code() + "/" + member.login(), member.password());
    }
}
