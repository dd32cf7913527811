package io.liaison.shared.web;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Values Java reads but PostgreSQL cannot store, or that break what is computed from them: times
 * outside the years 1 to 9999, null or blank ids inside lists, places in a list at the top of int.
 */
@LiaisonIntegrationTest
class OutOfRangeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        org = new Api(mvc).newOrg();
    }

    void refused(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    String created(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void timesOutsideTheYearsPostgresqlStoresAreRefusedByName() throws Exception {
        String years = "must lie between the years 1 and 9999";
        // Spring's own reading of query times refuses such years before our rule sees them
        for (String far : new String[] {"+294277-01-01T00:00:00Z", "-4714-01-01T00:00:00Z"}) {
            mvc.perform(as(get("/api/v1/contacts").param("createdAfter", far), org.adminToken()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("createdAfter"));
            mvc.perform(as(get("/api/v1/contacts/count").param("lastContactedBefore", far), org.adminToken()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("lastContactedBefore"));
        }
        refused(
                as(get("/api/v1/audit-events").param("from", "+294277-01-01T00:00:00Z"), org.adminToken()),
                "from",
                years);
        String contact = created(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"Qian\"}"));
        refused(
                json(
                        post("/api/v1/contacts/" + contact + "/follow-ups"),
                        org.adminToken(),
                        "{\"type\":\"call\",\"content\":\"hello\",\"occurredAt\":\"-4714-01-01T00:00:00Z\"}"),
                "occurredAt",
                years);
        refused(
                json(
                        post("/api/v1/tokens"),
                        org.adminToken(),
                        "{\"name\":\"far\",\"expiresAt\":\"+294277-01-01T00:00:00Z\"}"),
                "expiresAt",
                years);
        refused(
                json(
                        post("/api/v1/exports"),
                        org.adminToken(),
                        "{\"format\":\"csv\",\"filter\":{\"updatedAfter\":\"+294277-01-01T00:00:00Z\"}}"),
                "filter.updatedAfter",
                years);
        mvc.perform(as(get("/api/v1/contacts?createdAfter=9999-12-31T23:59:59Z"), org.adminToken()))
                .andExpect(status().isOk());
    }

    @Test
    void nullOrBlankElementsOfIdListsAreRefusedNamingTheElement() throws Exception {
        String contact = created(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"Sun\"}"));
        String tags = "/api/v1/contacts/" + contact + "/tags";
        refused(json(put(tags), org.adminToken(), "{\"tagIds\":[null]}"), "tagIds[0]", "must not be empty");
        refused(json(put(tags), org.adminToken(), "{\"tagIds\":[\"\"]}"), "tagIds[0]", "must not be empty");
        refused(
                json(
                        post("/api/v1/contacts"),
                        org.adminToken(),
                        "{\"name\":\"Zhou\",\"shareUserIds\":[\"" + org.adminId() + "\",null]}"),
                "shareUserIds[1]",
                "must not be empty");
        refused(
                json(
                        post("/api/v1/contacts/batch"),
                        org.adminToken(),
                        "{\"action\":\"delete\",\"contactIds\":[\"" + contact + "\",\" \"]}"),
                "contactIds[1]",
                "must not be empty");
        refused(
                json(
                        post("/api/v1/roles"),
                        org.adminToken(),
                        "{\"name\":\"Readers\",\"permissions\":[null],\"dataScope\":\"all\"}"),
                "permissions[0]",
                "must not be empty");
        refused(
                json(
                        post("/api/v1/exports"),
                        org.adminToken(),
                        "{\"format\":\"csv\",\"contactIds\":[\"" + contact + "\",\"\"]}"),
                "contactIds[1]",
                "must not be empty");
        refused(
                as(get("/api/v1/contacts").param("tagId", contact, ""), org.adminToken()),
                "tagId[1]",
                "must not be empty");
    }

    @Test
    void placesInAListStayWithinAMillionEitherWaySoTheNextOneCannotOverflow() throws Exception {
        String between = "must be between -1000000 and 1000000";
        refused(
                json(
                        post("/api/v1/tag-groups"),
                        org.adminToken(),
                        "{\"name\":\"Top\",\"color\":\"#1E88E5\",\"order\":2147483647}"),
                "order",
                between);
        String group = created(json(
                post("/api/v1/tag-groups"),
                org.adminToken(),
                "{\"name\":\"Region\",\"color\":\"#1E88E5\",\"order\":1000000}"));
        refused(
                json(
                        post("/api/v1/tag-groups/" + group + "/tags"),
                        org.adminToken(),
                        "{\"name\":\"North\",\"order\":2147483647}"),
                "order",
                between);
        String tag =
                created(json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"South\"}"));
        refused(json(patch("/api/v1/tags/" + tag), org.adminToken(), "{\"order\":-1000001}"), "order", between);
        refused(
                json(patch("/api/v1/tag-groups/" + group), org.adminToken(), "{\"order\":2147483647}"),
                "order",
                between);

        // a place stored before the limit existed: the next one is computed without overflowing
        jdbc.sql("UPDATE tag_group SET sort_order = 2147483647 WHERE id = ?")
                .param(UUID.fromString(group))
                .update();
        jdbc.sql("UPDATE tag SET sort_order = 2147483647 WHERE id = ?")
                .param(UUID.fromString(tag))
                .update();
        mvc.perform(json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"Next\",\"color\":\"#1E88E5\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.order").value(1_000_000));
        mvc.perform(json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"East\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.order").value(1_000_000));
    }
}
