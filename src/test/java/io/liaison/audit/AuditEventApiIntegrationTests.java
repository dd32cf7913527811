package io.liaison.audit;

import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@LiaisonIntegrationTest
class AuditEventApiIntegrationTests {

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
    void filtersNarrowTheLogByActorActionTargetAndTime() throws Exception {
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(1);
        Api.Person second = api.newMember(org, "ADMIN");
        String sales = api.newDepartment(org, "Sales", null);
        String byOther = api.newDepartment(
                new Api.Org(org.id(), org.code(), second.id(), second.login(), second.token()), "Support", null);

        mvc.perform(list(org.adminToken()).param("actorId", second.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].actorId", everyItem(is(second.id()))))
                .andExpect(jsonPath("$.items[*].actorName", everyItem(is("Member " + second.login()))))
                .andExpect(jsonPath("$.items[?(@.action == 'department.created')].targetId")
                        .value(byOther));
        mvc.perform(list(org.adminToken()).param("action", "department.created"))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].targetId").value(byOther))
                .andExpect(jsonPath("$.items[1].targetId").value(sales));
        mvc.perform(list(org.adminToken()).param("targetType", "member"))
                .andExpect(jsonPath("$.items[*].targetType", everyItem(is("member"))))
                .andExpect(jsonPath("$.items[0].action").value("member.created"));
        mvc.perform(list(org.adminToken()).param("targetId", sales))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].after.name").value("Sales"));
        mvc.perform(list(org.adminToken())
                        .param("from", start.toString())
                        .param("to", OffsetDateTime.now().plusMinutes(1).toString()))
                .andExpect(jsonPath("$.items[?(@.targetId == '" + sales + "')]", hasSize(1)));
        mvc.perform(list(org.adminToken())
                        .param("from", OffsetDateTime.now().plusHours(1).toString()))
                .andExpect(jsonPath("$.items", hasSize(0)))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void pagesWalkTheWholeLogNewestFirstWithoutRepeats() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, api.newDepartment(org, "Dept " + i, null));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request =
                    list(org.adminToken()).param("action", "department.created").param("limit", "2");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String body = mvc.perform(request).andReturn().getResponse().getContentAsString();
            seen.addAll(JsonPath.read(body, "$.items[*].targetId"));
            cursor = JsonPath.read(body, "$.nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(created);
    }

    @Test
    void badFilterValuesAreRefusedNamingTheParameter() throws Exception {
        refused("actorId", "not-an-id");
        refused("targetId", "42");
        refused("from", "yesterday");
        refused("to", "2026-11-25");
        refused("action", "DROP TABLE audit_event");
        refused("targetType", "a b");
        refused("limit", "0");
        refused("cursor", "not a cursor");
        mvc.perform(list(org.adminToken())
                        .param("from", "2026-11-25T10:00:00+08:00")
                        .param("to", "2026-11-25T09:00:00+08:00"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void onlyAdministratorsReadTheLog() throws Exception {
        Api.Person manager = api.newMember(org, "MANAGER");
        mvc.perform(list(manager.token()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(get("/api/v1/audit-events")).andExpect(status().isUnauthorized());
    }

    @Test
    void anOrganizationNeverSeesAnotherOrganizationsEvents() throws Exception {
        Api.Org other = api.newOrg();
        String secretDept = api.newDepartment(other, "Other's department", null);

        String body = mvc.perform(list(org.adminToken()).param("limit", "200"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> targets = JsonPath.read(body, "$.items[*].targetId");
        assertThat(targets).isNotEmpty().doesNotContain(secretDept, other.id(), other.adminId());
        mvc.perform(list(org.adminToken()).param("targetId", secretDept)).andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(list(org.adminToken()).param("actorId", other.adminId()))
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    private void refused(String parameter, String value) throws Exception {
        mvc.perform(list(org.adminToken()).param(parameter, value))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }

    private static MockHttpServletRequestBuilder list(String token) {
        return as(get("/api/v1/audit-events"), token);
    }
}
