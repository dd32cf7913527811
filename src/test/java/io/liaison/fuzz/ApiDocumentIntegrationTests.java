package io.liaison.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** What an integrator generating a client from the document reads in it. */
@LiaisonIntegrationTest
class ApiDocumentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void operationsListTheirStatusesWithTheProblemSchemaNullableFieldsAndDownloadTypes() throws Exception {
        String docs = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String departments = "$.paths['/api/v1/departments/{id}']";
        assertThat(JsonPath.<java.util.Map<String, Object>>read(docs, departments + ".delete.responses"))
                .containsOnlyKeys("204", "400", "401", "403", "404", "409", "412");
        assertThat(JsonPath.<String>read(
                        docs, departments + ".delete.responses.409.content['application/problem+json'].schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(docs, "$.paths['/api/v1/contacts'].post.responses"))
                .containsKeys("201", "409", "413", "415", "422")
                .doesNotContainKeys("200", "404", "412");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(docs, "$.paths['/api/v1/imports'].post.responses"))
                .containsKeys("202", "413", "415");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(docs, "$.paths['/api/v1/tokens'].post.responses"))
                .containsKeys("201", "429");

        assertThat(JsonPath.<List<String>>read(docs, "$.components.schemas.ContactResponse.properties.company.type"))
                .containsExactlyInAnyOrder("string", "null");
        assertThat(JsonPath.<String>read(docs, "$.components.schemas.ContactResponse.properties.name.type"))
                .isEqualTo("string");
        assertThat(JsonPath.<List<String>>read(
                        docs, "$.components.schemas.CursorPageContactResponse.properties.nextCursor.type"))
                .contains("null");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(
                        docs, "$.paths['/api/v1/exports/{id}/file'].get.responses.200.content"))
                .containsOnlyKeys(
                        "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/vcard");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(
                        docs, "$.paths['/api/v1/imports/{id}/errors'].get.responses.200.content"))
                .containsOnlyKeys("text/csv");
    }
}
