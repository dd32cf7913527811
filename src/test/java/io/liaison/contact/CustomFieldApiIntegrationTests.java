package io.liaison.contact;

import static io.liaison.contact.TestOrgs.as;
import static io.liaison.contact.TestOrgs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class CustomFieldApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrgs orgs;
    TestOrgs.Org org;

    @BeforeEach
    void setUp() throws Exception {
        orgs = new TestOrgs(mvc);
        org = orgs.newOrg("zh-CN");
    }

    @Test
    void fieldsAreDefinedChangedAndListedInOrder() throws Exception {
        String industry = create("{\"key\":\"industry\",\"label\":\"行业\",\"type\":\"select\","
                + "\"options\":[\"制造\",\" 零售 \"],\"required\":true,\"order\":5}");
        create("{\"key\":\"budget\",\"label\":\"预算\",\"type\":\"number\",\"order\":1}");

        mvc.perform(as(get("/api/v1/custom-fields/" + industry), org.adminToken()))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.options", contains("制造", "零售")))
                .andExpect(jsonPath("$.required").value(true));
        mvc.perform(json(
                                patch("/api/v1/custom-fields/" + industry),
                                org.adminToken(),
                                "{\"label\":\"所属行业\",\"options\":[\"制造\",\"零售\",\"金融\"],\"required\":false,"
                                        + "\"key\":\"industry\",\"order\":0}")
                        .header("If-Match", "\"1\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.label").value("所属行业"))
                .andExpect(jsonPath("$.options", contains("制造", "零售", "金融")))
                .andExpect(jsonPath("$.required").value(false));

        mvc.perform(as(get("/api/v1/custom-fields"), org.adminToken()))
                .andExpect(jsonPath("$.items[*].key", contains("industry", "budget")))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void definitionsAreChecked() throws Exception {
        create("{\"key\":\"level\",\"label\":\"Level\",\"type\":\"text\"}");
        expectInvalid("{\"key\":\"Level\",\"label\":\"L\",\"type\":\"text\"}", "key");
        expectInvalid("{\"key\":\"a" + "b".repeat(40) + "\",\"label\":\"L\",\"type\":\"text\"}", "key");
        expectInvalid("{\"key\":\"ok\",\"label\":\"\",\"type\":\"text\"}", "label");
        expectInvalid("{\"key\":\"ok\",\"label\":\"L\",\"type\":\"colour\"}", "type");
        expectInvalid("{\"key\":\"ok\",\"label\":\"L\",\"type\":\"select\"}", "options");
        expectInvalid("{\"key\":\"ok\",\"label\":\"L\",\"type\":\"multiselect\",\"options\":[\"a\",\"a\"]}", "options");
        expectInvalid(
                "{\"key\":\"ok\",\"label\":\"L\",\"type\":\"select\",\"options\":[\"" + "x".repeat(51) + "\"]}",
                "options");
        expectInvalid("{\"key\":\"ok\",\"label\":\"L\",\"type\":\"text\",\"options\":[\"a\"]}", "options");
        mvc.perform(json(
                        post("/api/v1/custom-fields"),
                        org.adminToken(),
                        "{\"key\":\"level\",\"label\":\"Again\",\"type\":\"text\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/custom-field-key-taken"));
    }

    @Test
    void keyAndTypeNeverChange() throws Exception {
        String id = create("{\"key\":\"since\",\"label\":\"Since\",\"type\":\"date\"}");
        mvc.perform(json(patch("/api/v1/custom-fields/" + id), org.adminToken(), "{\"key\":\"until\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"));
        mvc.perform(json(patch("/api/v1/custom-fields/" + id), org.adminToken(), "{\"type\":\"text\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(json(patch("/api/v1/custom-fields/" + id), org.adminToken(), "{\"label\":\"X\"}")
                        .header("If-Match", "\"9\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as(get("/api/v1/custom-fields/" + id), org.adminToken()))
                .andExpect(jsonPath("$.key").value("since"))
                .andExpect(jsonPath("$.label").value("Since"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void deletingAFieldRemovesItsValueFromEveryContact() throws Exception {
        String id = create("{\"key\":\"wechat\",\"label\":\"WeChat\",\"type\":\"text\"}");
        UUID contact = TestOrgs.insertContact(jdbc, org, "Zhang San");
        jdbc.sql("UPDATE contact SET custom_fields = '{\"wechat\":\"zs\",\"other\":1}' WHERE org_id = ? AND id = ?")
                .params(org.id(), contact)
                .update();

        mvc.perform(as(delete("/api/v1/custom-fields/" + id), org.adminToken())).andExpect(status().isNoContent());

        assertThat(jdbc.sql("SELECT custom_fields::text FROM contact WHERE org_id = ? AND id = ?")
                        .params(org.id(), contact)
                        .query(String.class)
                        .single())
                .isEqualTo("{\"other\": 1}");
        mvc.perform(as(get("/api/v1/custom-fields/" + id), org.adminToken())).andExpect(status().isNotFound());
    }

    @Test
    void onlyAdministratorsDefineFieldsAndOnlyInTheirOrganization() throws Exception {
        String id = create("{\"key\":\"region\",\"label\":\"Region\",\"type\":\"text\"}");
        String member = orgs.newMember(org, "MEMBER").token();
        mvc.perform(as(get("/api/v1/custom-fields"), member))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].key", hasItem("region")));
        mvc.perform(json(post("/api/v1/custom-fields"), member, "{\"key\":\"x\",\"label\":\"X\",\"type\":\"text\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(patch("/api/v1/custom-fields/" + id), member, "{\"label\":\"X\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(delete("/api/v1/custom-fields/" + id), member)).andExpect(status().isForbidden());

        String stranger = orgs.newOrg("en").adminToken();
        mvc.perform(as(get("/api/v1/custom-fields/" + id), stranger)).andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/custom-fields/" + id), stranger, "{\"label\":\"X\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(delete("/api/v1/custom-fields/" + id), stranger)).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/custom-fields"), stranger))
                .andExpect(jsonPath("$.items[*].key", not(hasItem("region"))));
        mvc.perform(as(get("/api/v1/custom-fields/" + id), org.adminToken()))
                .andExpect(jsonPath("$.label").value("Region"));
    }

    @Test
    void anOrganizationHasAtMostAHundredFields() throws Exception {
        jdbc.sql("""
                        INSERT INTO custom_field (id, org_id, key, label, type)
                        SELECT gen_random_uuid(), ?, 'f' || n, 'Field ' || n, 'text' FROM generate_series(1, 100) AS n
                        """).param(org.id()).update();
        mvc.perform(json(
                        post("/api/v1/custom-fields"),
                        org.adminToken(),
                        "{\"key\":\"one_more\",\"label\":\"One more\",\"type\":\"text\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("/problems/custom-field-limit"))
                .andExpect(jsonPath("$.detail", containsString("100")));
    }

    void expectInvalid(String body, String field) throws Exception {
        mvc.perform(json(post("/api/v1/custom-fields"), org.adminToken(), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    String create(String body) throws Exception {
        String response = mvc.perform(json(post("/api/v1/custom-fields"), org.adminToken(), body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(response, "$.id");
    }
}
