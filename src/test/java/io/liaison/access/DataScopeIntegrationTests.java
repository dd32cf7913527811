package io.liaison.access;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each data scope on a tree of three levels: 总部 (HQ) → 销售部 (Sales) → 华东区 (East), and a
 * separate 客服部 (Support). One member of each department follows one contact named after it.
 */
@LiaisonIntegrationTest
class DataScopeIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org org;
    String hq;
    String sales;
    String east;
    String support;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        hq = api.newDepartment(org, "总部", null);
        sales = api.newDepartment(org, "销售部", hq);
        east = api.newDepartment(org, "华东区", sales);
        support = api.newDepartment(org, "客服部", null);
        for (var dept : List.of(
                List.of(hq, "HQ contact"),
                List.of(sales, "Sales contact"),
                List.of(east, "East contact"),
                List.of(support, "Support contact"))) {
            Api.Person owner = api.newMember(org, "MEMBER", dept.get(0));
            create(owner.token(), dept.get(1));
        }
    }

    @Test
    void selfSeesOnlyWhatTheMemberFollows() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER", sales);
        create(member.token(), "Mine");

        assertThat(names(member)).containsExactly("Mine");
    }

    @Test
    void deptSeesContactsOfTheMembersOwnDepartmentsOnly() throws Exception {
        String role = api.newRole(org, "Sales desk", "DEPT", "contact.edit");
        Api.Person member = api.newMember(org, role, sales);

        assertThat(names(member)).containsExactly("Sales contact");
    }

    @Test
    void deptTreeSeesTheDepartmentAndEverySubDepartment() throws Exception {
        Api.Person salesManager = api.newMember(org, "MANAGER", sales);
        Api.Person director = api.newMember(org, "MANAGER", hq);

        assertThat(names(salesManager)).containsExactlyInAnyOrder("Sales contact", "East contact");
        assertThat(names(director)).containsExactlyInAnyOrder("HQ contact", "Sales contact", "East contact");
        mvc.perform(as(get("/api/v1/contacts/count"), director.token()))
                .andExpect(jsonPath("$.count").value(3));
    }

    @Test
    void allSeesTheWholeOrganizationAndNothingOfAnother() throws Exception {
        Api.Org other = api.newOrg();
        create(other.adminToken(), "Elsewhere");
        String role = api.newRole(org, "Auditor", "ALL");
        Api.Person auditor = api.newMember(org, role);

        assertThat(names(auditor))
                .containsExactlyInAnyOrder("HQ contact", "Sales contact", "East contact", "Support contact");
    }

    @Test
    void customSeesTheChosenDepartmentsWithoutTheirParents() throws Exception {
        String body = "{\"name\":\"Regions\",\"dataScope\":\"CUSTOM\",\"deptIds\":[\"" + east + "\",\"" + support
                + "\"],\"permissions\":[]}";
        String role = JsonPath.read(
                mvc.perform(json(post("/api/v1/roles"), org.adminToken(), body))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        Api.Person member = api.newMember(org, role, hq);

        assertThat(names(member)).containsExactlyInAnyOrder("East contact", "Support contact");
    }

    @Test
    void aScopeGivesReadingButChangingNeedsThePermission() throws Exception {
        String readOnly = api.newRole(org, "Viewer", "DEPT_TREE");
        Api.Person viewer = api.newMember(org, readOnly, sales);
        Api.Person manager = api.newMember(org, "MANAGER", sales);
        String eastContact = idOf(manager, "East contact");

        mvc.perform(as(get("/api/v1/contacts/" + eastContact), viewer.token())).andExpect(status().isOk());
        mvc.perform(json(patch("/api/v1/contacts/" + eastContact), viewer.token(), "{\"title\":\"经理\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(patch("/api/v1/contacts/" + eastContact), manager.token(), "{\"title\":\"经理\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("经理"));
    }

    @Test
    void movingAMemberToAnotherDepartmentChangesWhatTheySeeAtOnce() throws Exception {
        Api.Person manager = api.newMember(org, "MANAGER", east);
        assertThat(names(manager)).containsExactly("East contact");

        mvc.perform(json(
                        patch("/api/v1/members/" + manager.id()),
                        org.adminToken(),
                        "{\"departmentIds\":[\"" + support + "\"]}"))
                .andExpect(status().isOk());

        assertThat(names(manager)).containsExactly("Support contact");
    }

    @Test
    void contactsSeenForSeveralReasonsAreListedAndCountedOnce() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER", support);
        Api.Person colleague = api.newMember(org, "MEMBER", sales);
        create(member.token(), "Mine");
        String mineAndShared = create(member.token(), "Mine, shared to me and my department");
        share(member, mineAndShared, member, support);
        String sharedTwice = create(colleague.token(), "Shared to me and my department");
        share(colleague, sharedTwice, member, support);
        String collaborated = create(colleague.token(), "Collaborated and shared");
        mvc.perform(json(
                        patch("/api/v1/contacts/" + collaborated),
                        colleague.token(),
                        "{\"collaboratorIds\":[\"" + member.id() + "\"],\"shareUserIds\":[\"" + member.id() + "\"]}"))
                .andExpect(status().isOk());
        create(colleague.token(), "Not mine");

        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String page = mvc.perform(as(
                            get("/api/v1/contacts").param("limit", "2").param("cursor", cursor == null ? "" : cursor),
                            member.token()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            seen.addAll(JsonPath.read(page, "$.items[*].name"));
            cursor = JsonPath.read(page, "$.nextCursor");
        } while (cursor != null);

        // Newest change first, each once, across pages that mix the reasons.
        assertThat(seen)
                .containsExactly(
                        "Collaborated and shared",
                        "Shared to me and my department",
                        "Mine, shared to me and my department",
                        "Mine");
        mvc.perform(as(get("/api/v1/contacts/count"), member.token()))
                .andExpect(jsonPath("$.count").value(4));
    }

    private void share(Api.Person owner, String contact, Api.Person member, String department) throws Exception {
        mvc.perform(json(
                        patch("/api/v1/contacts/" + contact),
                        owner.token(),
                        "{\"shareUserIds\":[\"" + member.id() + "\"],\"shareDeptIds\":[\"" + department + "\"]}"))
                .andExpect(status().isOk());
    }

    private List<String> names(Api.Person who) throws Exception {
        return JsonPath.read(
                mvc.perform(as(get("/api/v1/contacts?limit=100"), who.token()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[*].name");
    }

    private String idOf(Api.Person who, String name) throws Exception {
        List<String> ids = JsonPath.read(
                mvc.perform(as(get("/api/v1/contacts?limit=100"), who.token()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[?(@.name == '" + name + "')].id");
        return ids.get(0);
    }

    private String create(String token, String name) throws Exception {
        return JsonPath.read(
                mvc.perform(json(post("/api/v1/contacts"), token, "{\"name\":\"" + name + "\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }
}
