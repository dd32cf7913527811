package io.liaison.contact;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Contacts carry tags under the tag rules and custom field values under their definitions. */
@LiaisonIntegrationTest
class ContactTagsAndFieldsIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org acme;
    String customer;
    String supplier;
    String key;
    String regular;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        acme = api.newOrg();
        String type = id(post("/api/v1/tag-groups"), "{\"name\":\"Kind\",\"color\":\"#2563EB\"}");
        customer = id(post("/api/v1/tag-groups/" + type + "/tags"), "{\"name\":\"Customer\"}");
        supplier = id(post("/api/v1/tag-groups/" + type + "/tags"), "{\"name\":\"Supplier\"}");
        String level = id(post("/api/v1/tag-groups"), "{\"name\":\"Rank\",\"color\":\"#D97706\",\"exclusive\":true}");
        key = id(post("/api/v1/tag-groups/" + level + "/tags"), "{\"name\":\"Key\"}");
        regular = id(post("/api/v1/tag-groups/" + level + "/tags"), "{\"name\":\"Regular\"}");
    }

    String id(MockHttpServletRequestBuilder request, String body) throws Exception {
        return JsonPath.read(
                mvc.perform(json(request, acme.adminToken(), body))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    String contact(String name, String... tags) throws Exception {
        String tagIds = tags.length == 0 ? "" : "\"" + String.join("\",\"", tags) + "\"";
        return id(post("/api/v1/contacts"), "{\"name\":\"" + name + "\",\"tagIds\":[" + tagIds + "]}");
    }

    @Test
    void aGroupCreatedWithoutAColourGetsTheNextUnusedOfThePaletteWhichCycles() throws Exception {
        // Taken: the three default groups' and the two of setUp (#2563EB, #D97706 twice, #059669).
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String body = i % 2 == 0 ? "{\"name\":\"G" + i + "\"}" : "{\"name\":\"G" + i + "\",\"color\":null}";
            String group = mvc.perform(json(post("/api/v1/tag-groups"), acme.adminToken(), body))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            colors.add(JsonPath.read(group, "$.color"));
        }
        assertThat(colors)
                .containsExactly(
                        "#DC2626", "#7C3AED", "#DB2777", "#0891B2", "#65A30D", "#EA580C", "#4F46E5", "#0D9488",
                        "#C026D3", "#059669");
        mvc.perform(json(post("/api/v1/tag-groups"), acme.adminToken(), "{\"name\":\"Bad\",\"color\":\"blue\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("color"));
    }

    @Test
    void tagFiltersMatchAllOrAnyAndCountTheSame() throws Exception {
        String both = contact("Both", customer, supplier, key);
        String onlyCustomer = contact("Customer only", customer);
        contact("Untagged");

        mvc.perform(as(get("/api/v1/contacts?tagId=" + customer + "&tagId=" + supplier), acme.adminToken()))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(both)));
        mvc.perform(as(get("/api/v1/contacts?tagMode=any&tagId=" + customer + "&tagId=" + supplier), acme.adminToken()))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(both, onlyCustomer)));
        mvc.perform(as(get("/api/v1/contacts/count?tagMode=any&tagId=" + customer), acme.adminToken()))
                .andExpect(jsonPath("$.count").value(2));
        mvc.perform(as(get("/api/v1/contacts?tagMode=some&tagId=" + customer), acme.adminToken()))
                .andExpect(status().isBadRequest());

        // The filters follow later changes of the contacts' tags.
        mvc.perform(json(
                        put("/api/v1/contacts/" + onlyCustomer + "/tags"),
                        acme.adminToken(),
                        "{\"tagIds\":[\"" + customer + "\",\"" + supplier + "\"]}"))
                .andExpect(status().isOk());
        mvc.perform(as(delete("/api/v1/contacts/" + both + "/tags?tagId=" + key), acme.adminToken()))
                .andExpect(status().isOk());
        mvc.perform(as(get("/api/v1/contacts?tagId=" + customer + "&tagId=" + supplier), acme.adminToken()))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(both, onlyCustomer)));
        mvc.perform(as(get("/api/v1/contacts/count?tagId=" + key), acme.adminToken()))
                .andExpect(jsonPath("$.count").value(0));
        mvc.perform(as(delete("/api/v1/tags/" + supplier), acme.adminToken())).andExpect(status().isNoContent());
        mvc.perform(as(
                        get("/api/v1/contacts/count?tagMode=any&tagId=" + customer + "&tagId=" + supplier),
                        acme.adminToken()))
                .andExpect(jsonPath("$.count").value(2));
        mvc.perform(as(get("/api/v1/contacts/count?tagId=" + customer + "&tagId=" + supplier), acme.adminToken()))
                .andExpect(jsonPath("$.count").value(0));
    }

    @Test
    void anExclusiveGroupAllowsOneTagPerContact() throws Exception {
        mvc.perform(json(
                        post("/api/v1/contacts"),
                        acme.adminToken(),
                        "{\"name\":\"Greedy\",\"tagIds\":[\"" + key + "\",\"" + regular + "\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("Rank")));
        String id = contact("Fine", key);
        mvc.perform(json(
                        post("/api/v1/contacts/" + id + "/tags"),
                        acme.adminToken(),
                        "{\"tagIds\":[\"" + regular + "\"]}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(json(
                        put("/api/v1/contacts/" + id + "/tags"),
                        acme.adminToken(),
                        "{\"tagIds\":[\"" + regular + "\",\"" + customer + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tagIds", containsInAnyOrder(regular, customer)));
        mvc.perform(as(delete("/api/v1/contacts/" + id + "/tags?tagId=" + customer), acme.adminToken()))
                .andExpect(jsonPath("$.tagIds", containsInAnyOrder(regular)));
        mvc.perform(as(get("/api/v1/contacts/" + id + "/timeline"), acme.adminToken()))
                .andExpect(jsonPath("$.items[0].kind").value("tags_changed"))
                .andExpect(jsonPath("$.items[0].data.removed[0]").value(customer));
    }

    @Test
    void aBatchTagsEachContactUnderTheRules() throws Exception {
        String a = contact("A");
        String b = contact("B", regular);
        mvc.perform(json(
                        post("/api/v1/contacts/batch"),
                        acme.adminToken(),
                        "{\"action\":\"tag\",\"tagIds\":[\"" + key + "\"],\"contactIds\":[\"" + a + "\",\"" + b
                                + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("ok"))
                .andExpect(jsonPath("$.results[1].status").value("invalid"));
        mvc.perform(as(get("/api/v1/contacts/" + a), acme.adminToken()))
                .andExpect(jsonPath("$.tagIds", containsInAnyOrder(key)));
        mvc.perform(as(get("/api/v1/contacts/" + b), acme.adminToken()))
                .andExpect(jsonPath("$.tagIds", containsInAnyOrder(regular)));
    }

    @Test
    void customFieldValuesAreCheckedAgainstTheirDefinitions() throws Exception {
        id(
                post("/api/v1/custom-fields"),
                "{\"key\":\"industry\",\"label\":\"行业\",\"type\":\"select\",\"options\":[\"制造\",\"零售\"],\"required\":true}");
        id(post("/api/v1/custom-fields"), "{\"key\":\"employees\",\"label\":\"Employees\",\"type\":\"number\"}");

        mvc.perform(json(post("/api/v1/contacts"), acme.adminToken(), "{\"name\":\"No industry\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customFields.industry"));
        mvc.perform(json(
                        post("/api/v1/contacts"),
                        acme.adminToken(),
                        "{\"name\":\"Bad\",\"customFields\":{\"industry\":\"矿业\",\"employees\":\"many\",\"shoe\":1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder("customFields.industry", "customFields.employees", "customFields.shoe")));
        String id = id(
                post("/api/v1/contacts"),
                "{\"name\":\"Good\",\"customFields\":{\"industry\":\"制造\",\"employees\":\"250\"}}");
        mvc.perform(as(get("/api/v1/contacts/" + id), acme.adminToken()))
                .andExpect(jsonPath("$.customFields.industry").value("制造"))
                .andExpect(jsonPath("$.customFields.employees").value(250));
        mvc.perform(json(patch("/api/v1/contacts/" + id), acme.adminToken(), "{\"customFields\":{\"employees\":null}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customFields.employees").doesNotExist())
                .andExpect(jsonPath("$.customFields.industry").value("制造"));
        mvc.perform(json(patch("/api/v1/contacts/" + id), acme.adminToken(), "{\"customFields\":{\"industry\":null}}"))
                .andExpect(status().isBadRequest());
    }
}
