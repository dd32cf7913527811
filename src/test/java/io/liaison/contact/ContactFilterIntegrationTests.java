package io.liaison.contact;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The contact list's filters by last contact after a time and by custom values (a select's, a
 * number's, a text's, one of a multiselect's options), in the API and in a push's audience; an unknown
 * field, a value the field cannot hold and a pair without its colon are a 400 naming them.
 */
@LiaisonIntegrationTest
class ContactFilterIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("zh-CN");
        field("{\"key\":\"industry\",\"label\":\"行业\",\"type\":\"select\",\"options\":[\"制造\",\"零售\"]}");
        field("{\"key\":\"employees\",\"label\":\"人数\",\"type\":\"number\"}");
        field("{\"key\":\"city\",\"label\":\"城市\",\"type\":\"text\"}");
        field("{\"key\":\"interests\",\"label\":\"兴趣\",\"type\":\"multiselect\",\"options\":[\"茶\",\"丝绸\",\"瓷器\"]}");
    }

    @Test
    void customValuesFilterTheListByEachFieldsType() throws Exception {
        contact("张三", "{\"industry\":\"零售\",\"employees\":250,\"city\":\"杭州\",\"interests\":[\"茶\",\"丝绸\"]}");
        contact("李四", "{\"industry\":\"制造\",\"employees\":25,\"city\":\"杭州\",\"interests\":[\"瓷器\"]}");
        contact("王五", "{}");

        assertThat(names("customField=industry:零售")).containsExactly("张三");
        assertThat(names("customField=employees:250.0"))
                .as("a number as a number")
                .containsExactly("张三");
        assertThat(names("customField=interests:丝绸")).as("one of the options").containsExactly("张三");
        assertThat(names("customField=city:杭州")).containsExactlyInAnyOrder("张三", "李四");
        assertThat(names("customField=city:杭州&customField=industry:制造")).containsExactly("李四");
        assertThat(count("customField=city:杭州")).isEqualTo(2);

        String unknown = api.answer(list("customField=shoe:42"), 400);
        assertThat(JsonPath.<String>read(unknown, "$.errors[0].field")).isEqualTo("customFields.shoe");
        String notNumber = api.answer(list("customField=employees:many"), 400);
        assertThat(JsonPath.<String>read(notNumber, "$.errors[0].field")).isEqualTo("customFields.employees");
        String noColon = api.answer(list("customField=industry"), 400);
        assertThat(JsonPath.<String>read(noColon, "$.errors[0].field")).isEqualTo("customField");
        api.answer(
                list("customField=city:a&customField=city:b&customField=city:c&customField=city:d"
                        + "&customField=city:e&customField=city:f"),
                400);
    }

    @Test
    void lastContactedAfterFindsThoseContactedSinceAndNeverTheOnesNeverContacted() throws Exception {
        String recent = contact("张三", "{}");
        String old = contact("李四", "{}");
        contact("王五", "{}");
        contacted(recent, Instant.now().minus(1, ChronoUnit.DAYS));
        contacted(old, Instant.now().minus(40, ChronoUnit.DAYS));
        String weekAgo = Instant.now().minus(7, ChronoUnit.DAYS).toString();

        assertThat(names("lastContactedAfter=" + weekAgo)).containsExactly("张三");
        assertThat(names("lastContactedBefore=" + weekAgo)).containsExactlyInAnyOrder("李四", "王五");
    }

    @Test
    void aPushAudienceTakesTheSameFilters() throws Exception {
        String zhang = contact("张三", "{\"industry\":\"零售\"}", "zhang@customer.example");
        contact("李四", "{\"industry\":\"零售\"}", "li@customer.example");
        contact("王五", "{\"industry\":\"制造\"}", "wang@customer.example");
        contacted(zhang, Instant.now().minus(1, ChronoUnit.DAYS));

        String reach = api.answer(
                json(post("/api/v1/pushes/reach"), org.adminToken(), """
                        {"filter":{"customFields":{"industry":"零售"},"lastContactedAfter":"%s"}}
                        """.formatted(
                                Instant.now().minus(7, ChronoUnit.DAYS))),
                200);
        assertThat(JsonPath.<Integer>read(reach, "$.contacts.queued")).isEqualTo(1);
        String byField = api.answer(
                json(
                        post("/api/v1/pushes/reach"),
                        org.adminToken(),
                        "{\"filter\":{\"customFields\":{\"industry\":\"零售\"}}}"),
                200);
        assertThat(JsonPath.<Integer>read(byField, "$.contacts.queued")).isEqualTo(2);
        String unknown = api.answer(
                json(
                        post("/api/v1/pushes/reach"),
                        org.adminToken(),
                        "{\"filter\":{\"customFields\":{\"shoe\":\"42\"}}}"),
                400);
        assertThat(unknown).contains("customFields.shoe");
    }

    private void field(String body) throws Exception {
        api.createdId(json(post("/api/v1/custom-fields"), org.adminToken(), body));
    }

    private String contact(String name, String fields) throws Exception {
        return contact(name, fields, null);
    }

    private String contact(String name, String fields, String email) throws Exception {
        String emails = email == null ? "[]" : "[{\"address\":\"" + email + "\"}]";
        return api.createdId(json(
                post("/api/v1/contacts"),
                org.adminToken(),
                "{\"name\":\"" + name + "\",\"customFields\":" + fields + ",\"emails\":" + emails + "}"));
    }

    private void contacted(String contact, Instant at) {
        jdbc.sql("UPDATE contact SET last_contacted_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(at), UUID.fromString(contact))
                .update();
    }

    private MockHttpServletRequestBuilder list(String query) {
        return withQuery(get("/api/v1/contacts"), query);
    }

    /** The request with the parameters of {@code query} (a=b&c=d, unencoded). */
    private MockHttpServletRequestBuilder withQuery(MockHttpServletRequestBuilder request, String query) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            request.param(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return as(request, org.adminToken());
    }

    private List<String> names(String query) throws Exception {
        return JsonPath.read(api.answer(list(query), 200), "$.items[*].name");
    }

    private int count(String query) throws Exception {
        return JsonPath.read(api.answer(withQuery(get("/api/v1/contacts/count"), query), 200), "$.count");
    }
}
