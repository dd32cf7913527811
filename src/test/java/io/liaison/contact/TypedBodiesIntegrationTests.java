package io.liaison.contact;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The typed bodies of the contact API keep the merge patch's three states (left out, null, a value),
 * refuse a value of the wrong JSON type instead of converting it, and name a field they do not have.
 */
@LiaisonIntegrationTest
class TypedBodiesIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api.Org org;
    String url;

    @BeforeEach
    void setUp() throws Exception {
        org = new Api(mvc).newOrg();
        String created = mvc.perform(json(
                        post("/api/v1/contacts"),
                        org.adminToken(),
                        "{\"name\":\"Zhao\",\"company\":\"ACME\",\"title\":\"Buyer\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        url = "/api/v1/contacts/" + JsonPath.read(created, "$.id");
    }

    @Test
    void aFieldLeftOutStaysNullClearsItAndAValueReplacesIt() throws Exception {
        mvc.perform(json(patch(url), org.adminToken(), "{\"company\":null,\"remark\":\"met in Shanghai\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.company").value(nullValue()))
                .andExpect(jsonPath("$.title").value("Buyer"))
                .andExpect(jsonPath("$.remark").value("met in Shanghai"));
        mvc.perform(as(get(url), org.adminToken()))
                .andExpect(jsonPath("$.title").value("Buyer"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNotConverted() throws Exception {
        for (String body : new String[] {
            "{\"company\":5}", "{\"company\":true}", "{\"allowDuplicate\":\"yes\"}", "{\"tagIds\":[5]}"
        }) {
            mvc.perform(json(patch(url), org.adminToken(), body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/validation"));
        }
        mvc.perform(json(patch(url), org.adminToken(), "{\"company\":5}"))
                .andExpect(jsonPath("$.errors[0].field").value("company"));
        mvc.perform(as(get(url), org.adminToken()))
                .andExpect(jsonPath("$.company").value("ACME"));
    }

    @Test
    void aFieldThePatchDoesNotHaveIsNamed() throws Exception {
        mvc.perform(json(patch(url), org.adminToken(), "{\"compnay\":\"Typo Ltd.\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("compnay"))
                .andExpect(jsonPath("$.errors[0].code").value("invalid.not-changeable"))
                .andExpect(jsonPath("$.errors[0].message").value("cannot be changed here"));
    }
}
