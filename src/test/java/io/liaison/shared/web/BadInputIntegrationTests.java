package io.liaison.shared.web;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** JSON bodies with text that cannot be stored as sent, weak ETags and bodies that are not JSON. */
@LiaisonIntegrationTest
class BadInputIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        org = new Api(mvc).newOrg();
    }

    ResultActions send(String method, String path, byte[] body) throws Exception {
        return mvc.perform(as(method.equals("POST") ? post(path) : patch(path), org.adminToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    static byte[] bytes(String before, byte[] bad, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Refused naming the field in the API ({@code field}) and, in the detail, by the form's label. */
    void refused(ResultActions answer, String field, String message) throws Exception {
        refused(answer, field, LABELS.get(field.split("[\\[.]")[0]), message);
    }

    static final Map<String, String> LABELS =
            Map.of("name", "Name", "phones", "Phones", "customFields", "Custom fields");

    void refused(ResultActions answer, String field, String label, String message) throws Exception {
        answer.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-text"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message))
                .andExpect(jsonPath("$.detail").value(label + " " + message + "; nothing was stored."));
    }

    int contacts() throws Exception {
        String list = mvc.perform(as(get("/api/v1/contacts"), org.adminToken()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.<Integer>read(list, "$.items.length()");
    }

    @Test
    void nulsLoneSurrogatesAndBytesThatAreNotUtf8AreRefusedByJsonPathAndNothingIsStored() throws Exception {
        refused(
                send("POST", "/api/v1/contacts", "{\"name\":\"Zhang\\u0000San\"}".getBytes(StandardCharsets.UTF_8)),
                "name",
                "contains a NUL character");
        refused(
                send(
                        "POST",
                        "/api/v1/contacts",
                        "{\"name\":\"Li\",\"phones\":[{\"number\":\"+862161234567\"},{\"number\":\"\\ud800\"}]}"
                                .getBytes(StandardCharsets.UTF_8)),
                "phones[1].number",
                "contains a lone surrogate, which is not a character");
        // C0 80 is an overlong NUL: Jackson alone would read it as U+0000 and store it altered
        refused(
                send(
                        "POST",
                        "/api/v1/contacts",
                        bytes(
                                "{\"name\":\"Wang\",\"customFields\":{\"industry\":\"a",
                                new byte[] {(byte) 0xC0, (byte) 0x80},
                                "\"}}")),
                "customFields.industry",
                "is not valid UTF-8 text");
        // ED A0 80 is a surrogate encoded as UTF-8 (CESU-8)
        refused(
                send(
                        "POST",
                        "/api/v1/contacts",
                        bytes("{\"name\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}")),
                "name",
                "is not valid UTF-8 text");
        refused(
                send("POST", "/api/v1/departments", "{\"name\":\"Sales\\u0000\"}".getBytes(StandardCharsets.UTF_8)),
                "name",
                "contains a NUL character");
        assertThat(contacts()).isZero();

        send("POST", "/api/v1/contacts", "{\"name\":\"张三 😀 \\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("张三 😀 😀"));
        assertThat(contacts()).isEqualTo(1);
    }

    @Test
    void aWeakETagNeverMatchesIfMatch() throws Exception {
        String created = send("POST", "/api/v1/contacts", "{\"name\":\"Zhao\"}".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"company\":\"ACME\"}")
                        .header(HttpHeaders.IF_MATCH, "W/\"1\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("/problems/weak-etag"))
                .andExpect(jsonPath("$.title").value("Weak ETag not accepted"));
        mvc.perform(json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"company\":\"ACME\"}")
                        .header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""));
    }

    @Test
    void bodiesThatAreNotJsonAreDescribedWithoutNamingLibraryClasses() throws Exception {
        for (String body : new String[] {"{\"name\": }", "[]", "\"text\"", "{\"name\":\"a\"} trailing", "{\"name\""}) {
            String answer = send("POST", "/api/v1/contacts", body.getBytes(StandardCharsets.UTF_8))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/malformed-request"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(answer).doesNotContainPattern("(com|org|tools|java|jakarta)\\.[a-z]+\\.");
            assertThat(answer).doesNotContain("Jackson", "LinkedHashMap", "`");
        }
        send("POST", "/api/v1/contacts", "{\"name\": }".getBytes(StandardCharsets.UTF_8))
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON (line 1, column 10)."));
    }

    @Test
    void pageFormsAreCheckedLikeApiBodies() throws Exception {
        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        String page = mvc.perform(post("/tags/groups")
                        .param("name", "Zhang\u0000San")
                        .param("color", "#123456")
                        .with(csrf())
                        .with(authentication(new ActorAuthentication(admin))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Text that cannot be stored", "/css/liaison.css");
        mvc.perform(post("/tags/groups")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", "Zhang\uFFFDSan")
                        .param("color", "#123456")
                        .with(csrf())
                        .with(authentication(new ActorAuthentication(admin))))
                .andExpect(status().isBadRequest());
    }
}
