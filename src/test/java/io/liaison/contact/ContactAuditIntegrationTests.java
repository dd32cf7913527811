package io.liaison.contact;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Changes to contacts, tags and custom fields are in the audit log, and refused ones are not. */
@LiaisonIntegrationTest
class ContactAuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void contactChangesAreAuditedWithBeforeAndAfter() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String id = JsonPath.read(
                mvc.perform(json(
                                post("/api/v1/contacts"),
                                org.adminToken(),
                                "{\"name\":\"周九\",\"mobile\":\"13300133000\"}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"company\":\"九州\"}"))
                .andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"Copy\",\"mobile\":\"13300133000\"}"))
                .andExpect(status().isConflict());
        mvc.perform(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"mobile\":\"nonsense\"}"))
                .andExpect(status().isBadRequest());

        mvc.perform(as(get("/api/v1/audit-events?targetId=" + id), org.adminToken()))
                .andExpect(jsonPath("$.items[*].action", contains("contact.updated", "contact.created")))
                .andExpect(jsonPath("$.items[0].before.company").doesNotExist())
                .andExpect(jsonPath("$.items[0].after.company").value("九州"))
                .andExpect(jsonPath("$.items[0].actorId").value(org.adminId()))
                .andExpect(jsonPath("$.items[1].after.name").value("周九"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE org_id = ?::uuid AND action = 'contact.created'")
                        .param(org.id())
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    void tagAndCustomFieldChangesAreAudited() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String group = JsonPath.read(
                mvc.perform(json(
                                post("/api/v1/tag-groups"),
                                org.adminToken(),
                                "{\"name\":\"Region\",\"color\":\"#112233\"}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(json(patch("/api/v1/tag-groups/" + group), org.adminToken(), "{\"color\":\"#445566\"}"))
                .andExpect(status().isOk());
        mvc.perform(json(
                        post("/api/v1/custom-fields"),
                        org.adminToken(),
                        "{\"key\":\"budget\",\"label\":\"Budget\",\"type\":\"number\"}"))
                .andExpect(status().isCreated());

        mvc.perform(as(get("/api/v1/audit-events?targetId=" + group), org.adminToken()))
                .andExpect(jsonPath("$.items[*].action", contains("tag-group.updated", "tag-group.created")))
                .andExpect(jsonPath("$.items[0].before.color").value("#112233"))
                .andExpect(jsonPath("$.items[0].after.color").value("#445566"))
                .andExpect(jsonPath("$.items[0].after.name").doesNotExist());
        mvc.perform(as(get("/api/v1/audit-events?action=custom-field.created"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].after.key").value("budget"));
    }
}
