package io.liaison.identity;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class DepartmentApiIntegrationTests {

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
    void buildsATreeThatCanBeRenamedAndMoved() throws Exception {
        String sales = api.newDepartment(org, "Sales", null);
        String east = api.newDepartment(org, "East", sales);
        String support = api.newDepartment(org, "Support", null);

        mvc.perform(as(get("/api/v1/departments/" + east), org.adminToken()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.parentId").value(sales));

        mvc.perform(json(patch("/api/v1/departments/" + east), org.adminToken(), "{\"name\":\"华东\"}")
                        .header("If-Match", "\"1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("华东"))
                .andExpect(header().string("ETag", "\"2\""));

        mvc.perform(json(patch("/api/v1/departments/" + east), org.adminToken(), "{\"parentId\":\"" + support + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(support));

        mvc.perform(json(patch("/api/v1/departments/" + east), org.adminToken(), "{\"parentId\":null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(nullValue()));

        mvc.perform(as(get("/api/v1/departments"), org.adminToken()))
                .andExpect(jsonPath("$.items[*].name", hasItem("华东")))
                .andExpect(jsonPath("$.items.length()").value(3));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() throws Exception {
        String id = api.newDepartment(org, "Sales", null);
        mvc.perform(json(patch("/api/v1/departments/" + id), org.adminToken(), "{\"name\":\"A\"}"))
                .andExpect(status().isOk());
        mvc.perform(json(patch("/api/v1/departments/" + id), org.adminToken(), "{\"name\":\"B\"}")
                        .header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("/problems/stale-version"));
        mvc.perform(as(get("/api/v1/departments/" + id), org.adminToken()))
                .andExpect(jsonPath("$.name").value("A"));
    }

    @Test
    void aDepartmentCannotMoveUnderItsOwnSubDepartment() throws Exception {
        String top = api.newDepartment(org, "Top", null);
        String child = api.newDepartment(org, "Child", top);
        mvc.perform(json(patch("/api/v1/departments/" + top), org.adminToken(), "{\"parentId\":\"" + child + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
    }

    @Test
    void deleteIsRefusedWhileMembersOrChildrenRemain() throws Exception {
        String parent = api.newDepartment(org, "Parent", null);
        String child = api.newDepartment(org, "Child", parent);
        Api.Person member = api.newMember(org, "MEMBER", child);

        mvc.perform(as(delete("/api/v1/departments/" + parent), org.adminToken()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("1 sub-department")));
        mvc.perform(as(delete("/api/v1/departments/" + child), org.adminToken()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/department-not-empty"))
                .andExpect(jsonPath("$.detail", containsString("1 member")));

        mvc.perform(json(patch("/api/v1/members/" + member.id()), org.adminToken(), "{\"departmentIds\":[]}"))
                .andExpect(status().isOk());
        mvc.perform(as(delete("/api/v1/departments/" + child), org.adminToken()))
                .andExpect(status().isNoContent());
        mvc.perform(as(delete("/api/v1/departments/" + parent), org.adminToken()))
                .andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/departments/" + parent), org.adminToken())).andExpect(status().isNotFound());
    }

    /** Found by the API fuzzing test: the delete failed with a foreign key error (500). */
    @Test
    void anEmptyDepartmentThatContactsAreSharedWithCanBeDeletedAndTheSharesGoWithIt() throws Exception {
        String partners = api.newDepartment(org, "Partners", null);
        String contact = api.createdId(json(
                post("/api/v1/contacts"),
                org.adminToken(),
                "{\"name\":\"张三\",\"shareDeptIds\":[\"" + partners + "\"]}"));

        mvc.perform(as(delete("/api/v1/departments/" + partners), org.adminToken()))
                .andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/contacts/" + contact), org.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shareDeptIds").isEmpty());
    }

    @Test
    void siblingNamesAreUniqueAndNamesAreRequired() throws Exception {
        api.newDepartment(org, "Sales", null);
        mvc.perform(json(post("/api/v1/departments"), org.adminToken(), "{\"name\":\"sales\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("sales")));
        mvc.perform(json(post("/api/v1/departments"), org.adminToken(), "{\"name\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void membersReadTheTreeButOnlyAdministratorsChangeIt() throws Exception {
        String sales = api.newDepartment(org, "Sales", null);
        Api.Person member = api.newMember(org, "MEMBER");
        Api.Person manager = api.newMember(org, "MANAGER");

        mvc.perform(as(get("/api/v1/departments"), member.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(sales));
        for (String token : new String[] {member.token(), manager.token()}) {
            mvc.perform(json(post("/api/v1/departments"), token, "{\"name\":\"Mine\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(json(patch("/api/v1/departments/" + sales), token, "{\"name\":\"X\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(as(delete("/api/v1/departments/" + sales), token)).andExpect(status().isForbidden());
        }
        mvc.perform(as(get("/api/v1/departments"), org.adminToken()))
                .andExpect(jsonPath("$.items[*].name", not(hasItem("Mine"))));
    }
}
