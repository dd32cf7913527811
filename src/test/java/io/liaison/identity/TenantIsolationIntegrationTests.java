package io.liaison.identity;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Organizations are tenants: one never reads or changes another's rows, by id or by listing. */
@LiaisonIntegrationTest
class TenantIsolationIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org acme;
    Api.Org globex;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        acme = api.newOrg();
        globex = api.newOrg();
    }

    @Test
    void theSystemAdministratorCreatesOrganizationsAndNobodyElseCan() throws Exception {
        mvc.perform(json(
                        post("/api/v1/orgs"),
                        api.systemAdminToken(),
                        "{\"name\":\"上海贸易有限公司\",\"adminLogin\":\"admin\",\"adminPassword\":\"another admin password\","
                                + "\"locale\":\"zh-CN\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").isNotEmpty())
                .andExpect(jsonPath("$.admin.login").value("admin"))
                .andExpect(jsonPath("$.admin.role").value("ADMIN"));
        mvc.perform(json(
                        post("/api/v1/orgs"),
                        acme.adminToken(),
                        "{\"name\":\"Mine\",\"adminLogin\":\"x1\",\"adminPassword\":\"0123456789abc\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(json(
                        post("/api/v1/orgs"),
                        api.systemAdminToken(),
                        "{\"name\":\"\",\"adminLogin\":\"?\",\"adminPassword\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        mvc.perform(json(
                        post("/api/v1/orgs"),
                        api.systemAdminToken(),
                        "{\"name\":\"Copy\",\"code\":\"" + acme.code()
                                + "\",\"adminLogin\":\"boss\",\"adminPassword\":\"0123456789abc\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void sameLoginInTwoOrganizationsIsToldApartByPasswordOrOrganizationCode() throws Exception {
        String login = Api.unique("same");
        for (Api.Org org : new Api.Org[] {acme, globex}) {
            mvc.perform(json(
                            post("/api/v1/members"),
                            org.adminToken(),
                            "{\"login\":\"" + login + "\",\"displayName\":\"Twin\",\"password\":\"twin password "
                                    + org.code() + "\"}"))
                    .andExpect(status().isCreated());
        }
        String token = api.token(login, "twin password " + globex.code());
        mvc.perform(as(get("/api/v1/me"), token))
                .andExpect(jsonPath("$.organization.id").value(globex.id()));
        String viaCode = api.token(acme.code() + "/" + login, "twin password " + acme.code());
        mvc.perform(as(get("/api/v1/me"), viaCode))
                .andExpect(jsonPath("$.organization.id").value(acme.id()));
    }

    @Test
    void idsOfAnotherOrganizationAnswer404AndChangeNothing() throws Exception {
        String dept = api.newDepartment(globex, "Globex Sales", null);
        Api.Person member = api.newMember(globex, "MEMBER", dept);
        String tokens = mvc.perform(as(get("/api/v1/tokens"), globex.adminToken()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String tokenId = JsonPath.read(tokens, "$.items[0].id");
        String a = acme.adminToken();

        mvc.perform(as(get("/api/v1/departments/" + dept), a)).andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/departments/" + dept), a, "{\"name\":\"Taken\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(delete("/api/v1/departments/" + dept), a)).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/members/" + member.id()), a)).andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/members/" + member.id()), a, "{\"displayName\":\"Taken\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(post("/api/v1/members/" + member.id() + "/deactivate"), a))
                .andExpect(status().isNotFound());
        mvc.perform(as(delete("/api/v1/tokens/" + tokenId), a)).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/departments"), a, "{\"name\":\"Child\",\"parentId\":\"" + dept + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        mvc.perform(json(
                        post("/api/v1/members"),
                        a,
                        "{\"login\":\"spy\",\"displayName\":\"Spy\",\"password\":\"0123456789abc\",\"departmentIds\":[\""
                                + dept + "\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentIds"));

        mvc.perform(as(get("/api/v1/departments/" + dept), globex.adminToken()))
                .andExpect(jsonPath("$.name").value("Globex Sales"))
                .andExpect(jsonPath("$.memberCount").value(1));
        mvc.perform(as(get("/api/v1/members/" + member.id()), globex.adminToken()))
                .andExpect(jsonPath("$.displayName", is("Member " + member.login())))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(as(get("/api/v1/me"), globex.adminToken())).andExpect(status().isOk());
    }

    @Test
    void listsShowOnlyTheActorsOrganization() throws Exception {
        api.newDepartment(acme, "Acme Only", null);
        api.newDepartment(globex, "Globex Only", null);
        Api.Person acmeMember = api.newMember(acme, "MEMBER");
        Api.Person globexMember = api.newMember(globex, "MEMBER");

        mvc.perform(as(get("/api/v1/departments"), acme.adminToken()))
                .andExpect(jsonPath("$.items[*].name", containsInAnyOrder("Acme Only")));
        mvc.perform(as(get("/api/v1/members?limit=200"), acme.adminToken()))
                .andExpect(jsonPath("$.items[*].id", hasItem(acmeMember.id())))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(globexMember.id()))))
                .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(as(get("/api/v1/members?q=" + globexMember.login()), acme.adminToken()))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(as(get("/api/v1/members?q=Member"), acme.adminToken()))
                .andExpect(jsonPath("$.items[*].login", everyItem(not(is(globexMember.login())))));
    }
}
