package io.liaison.contact.api;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.ContactDocuments;
import io.liaison.identity.Api;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the webhooks send of a contact is what the API answers an administrator: the same fields in
 * the same order, masked the same way, and in full only when asked.
 */
@LiaisonIntegrationTest
class ContactDocumentsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ContactDocuments documents;

    @Autowired
    JsonMapper json;

    @Test
    void aDocumentIsTheApisAnswerToAnAdministratorWhoDoesNotFollowTheContact() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person seller = api.newMember(org, "MEMBER");
        String id = JsonPath.read(
                api.answer(
                        json(
                                post("/api/v1/contacts"),
                                seller.token(),
                                "{\"name\":\"钱多多\",\"mobile\":\"13912345678\",\"emails\":[{\"label\":\"work\","
                                        + "\"address\":\"qian@example.com\"}],\"externalIds\":{\"crm\":\"C-1\"}}"),
                        201),
                "$.id");
        UUID contact = UUID.fromString(id);
        UUID orgId = UUID.fromString(org.id());
        JsonNode answered = json.readTree(api.answer(as(get("/api/v1/contacts/" + id), org.adminToken()), 200));

        JsonNode masked = json.valueToTree(
                documents.render(orgId, List.of(contact), false).get(contact));
        assertThat(masked.toString()).isEqualTo(answered.toString());
        assertThat(masked.propertyNames())
                .containsExactlyElementsOf(Arrays.stream(ContactResponse.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList());
        assertThat(masked.get("mobile").asString()).contains("****");

        JsonNode full = json.readTree(json.writeValueAsString(
                documents.render(orgId, List.of(contact), true).get(contact)));
        assertThat(full.get("mobile").asString()).isEqualTo("+8613912345678");
        assertThat(full.get("emails").get(0).get("address").asString()).isEqualTo("qian@example.com");
        assertThat(full.get("masked").asBoolean()).isFalse();
    }
}
