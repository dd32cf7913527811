package io.liaison.contact;

import static io.liaison.identity.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every collection in a request body has a maximum; past it the request is a 400 naming the field and the maximum. */
@LiaisonIntegrationTest
class CollectionLimitsIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("zh-CN");
    }

    static String externalIds(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "\"s" + i + "\":\"" + i + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    ResultActions refused(MockHttpServletRequestBuilder request, String language, String field, int max, String detail)
            throws Exception {
        return mvc.perform(request.header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/too-many"))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(language.equals("en") ? "at most " + max + " are allowed" : "最多 " + max + " 个"));
    }

    @Test
    void aContactWith300000ExternalIdsOr51IsRefusedNamingTheFieldAndTheMaximum() throws Exception {
        // 300,000 ids are several megabytes of JSON: refused by the body limit before any is parsed.
        mvc.perform(json(
                                post("/api/v1/contacts"),
                                org.adminToken(),
                                "{\"name\":\"张三\",\"externalIds\":" + externalIds(300_000) + "}")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/body-too-large"))
                .andExpect(jsonPath("$.detail").value("The request body is larger than the limit of 1024 KB."));
        refused(
                json(
                        post("/api/v1/contacts"),
                        org.adminToken(),
                        "{\"name\":\"张三\",\"externalIds\":" + externalIds(51) + "}"),
                "en",
                "externalIds",
                50,
                "External ids: at most 50 are allowed.");
        String id = api.createdId(json(
                post("/api/v1/contacts"),
                org.adminToken(),
                "{\"name\":\"张三\",\"externalIds\":" + externalIds(50) + "}"));
        // A patch adds to the ids the contact has: 50 and one more is too many as well.
        refused(
                json(patch("/api/v1/contacts/" + id), org.adminToken(), "{\"externalIds\":{\"more\":\"1\"}}")
                        .contentType("application/merge-patch+json"),
                "zh-CN",
                "externalIds",
                50,
                "外部编号：最多允许 50 个。");
    }

    @Test
    void phonesEmailsTagsAndSharesHaveTheirMaxima() throws Exception {
        String phones = IntStream.range(0, 21)
                .mapToObj(i -> "{\"number\":\"1381234" + String.format("%04d", i) + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        refused(
                json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"张三\",\"phones\":" + phones + "}"),
                "en",
                "phones",
                20,
                "Phones: at most 20 are allowed.");
        String ids = IntStream.range(0, 201)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        refused(
                json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"张三\",\"shareUserIds\":" + ids + "}"),
                "en",
                "shareUserIds",
                200,
                "Shared with members: at most 200 are allowed.");
        refused(
                json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"张三\",\"tagIds\":" + ids + "}"),
                "en",
                "tagIds",
                100,
                "Tags: at most 100 are allowed.");
    }

    @Test
    void aBatchOfTooManyIdsIsRefusedBeforeAnyContactIsTouched() throws Exception {
        String ids = IntStream.range(0, 1001)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        refused(
                json(
                        post("/api/v1/contacts/batch"),
                        org.adminToken(),
                        "{\"action\":\"delete\",\"contactIds\":" + ids + "}"),
                "en",
                "contactIds",
                1000,
                "Contacts: at most 1,000 are allowed.");
        refused(
                json(
                        post("/api/v1/contacts/batch"),
                        org.adminToken(),
                        "{\"action\":\"tag\",\"contactIds\":[\"" + UUID.randomUUID() + "\"],\"tagIds\":" + ids + "}"),
                "en",
                "tagIds",
                100,
                "Tags: at most 100 are allowed.");
        String exported = IntStream.range(0, 10_001)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        refused(
                json(post("/api/v1/exports"), org.adminToken(), "{\"format\":\"csv\",\"contactIds\":" + exported + "}"),
                "en",
                "contactIds",
                10_000,
                "Contacts: at most 10,000 are allowed.");
    }

    @Test
    void aRoleCannotListMorePermissionsThanThereAre() throws Exception {
        String permissions =
                IntStream.range(0, 100).mapToObj(i -> "\"contact.read\"").collect(Collectors.joining(",", "[", "]"));
        mvc.perform(json(
                                post("/api/v1/roles"),
                                org.adminToken(),
                                "{\"name\":\"r\",\"dataScope\":\"ALL\",\"permissions\":" + permissions + "}")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/too-many"))
                .andExpect(jsonPath("$.errors[0].field").value("permissions"));
    }
}
