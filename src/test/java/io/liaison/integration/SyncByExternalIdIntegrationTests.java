package io.liaison.integration;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@LiaisonIntegrationTest
class SyncByExternalIdIntegrationTests {

    private static final String ADDRESS = "/api/v1/contacts/by-external-id/";

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org acme;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        acme = api.newOrg();
    }

    private MockHttpServletRequestBuilder putting(String token, String id, String body) {
        return json(put(ADDRESS + "crm/" + id), token, body);
    }

    private String body(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aPutCreatesTheContactOnceAndARepeatChangesNothing() throws Exception {
        String created = mvc.perform(putting(acme.adminToken(), "A-1", "{\"name\":\"张三\",\"mobile\":\"13800138000\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.source").value("sync"))
                .andExpect(jsonPath("$.externalIds.crm").value("A-1"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(putting(acme.adminToken(), "A-1", "{\"name\":\"张三\",\"mobile\":\"+86 138 0013 8000\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(as(get(ADDRESS + "crm/A-1"), acme.adminToken()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(as(get("/api/v1/contacts?externalId=crm:A-1"), acme.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(as(get("/api/v1/contacts/" + id + "/timeline"), acme.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void aPutOnAnExistingContactChangesOnlyTheFieldsItNames() throws Exception {
        body(putting(acme.adminToken(), "A-2", "{\"name\":\"李四\",\"company\":\"上海贸易\",\"title\":\"采购\"}"), 201);
        mvc.perform(putting(acme.adminToken(), "A-2", "{\"company\":\"杭州丝绸\",\"title\":null}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.name").value("李四"))
                .andExpect(jsonPath("$.company").value("杭州丝绸"))
                .andExpect(jsonPath("$.title").doesNotExist());
    }

    @Test
    void aStaleIfMatchIsRefusedAndTheCurrentOneApplies() throws Exception {
        body(putting(acme.adminToken(), "A-3", "{\"name\":\"王五\"}"), 201);
        body(putting(acme.adminToken(), "A-3", "{\"company\":\"第一次\"}"), 200);
        mvc.perform(putting(acme.adminToken(), "A-3", "{\"company\":\"第二次\"}").header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("/problems/stale-version"));
        mvc.perform(putting(acme.adminToken(), "A-3", "{\"company\":\"第二次\"}").header("If-Match", "\"2\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.company").value("第二次"));
        mvc.perform(putting(acme.adminToken(), "NEW-3", "{\"name\":\"赵六\"}").header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed());
    }

    @Test
    void withoutIfMatchTheLastWriterWinsPerField() throws Exception {
        body(putting(acme.adminToken(), "A-4", "{\"name\":\"钱七\",\"company\":\"旧公司\",\"title\":\"旧职位\"}"), 201);
        Api.Person erp = api.newMember(acme, "ADMIN");
        body(putting(acme.adminToken(), "A-4", "{\"company\":\"CRM 写的公司\"}"), 200);
        body(putting(erp.token(), "A-4", "{\"title\":\"ERP 写的职位\"}"), 200);
        body(putting(erp.token(), "A-4", "{\"company\":\"ERP 最后写的公司\"}"), 200);
        mvc.perform(as(get(ADDRESS + "crm/A-4"), acme.adminToken()))
                .andExpect(jsonPath("$.company").value("ERP 最后写的公司"))
                .andExpect(jsonPath("$.title").value("ERP 写的职位"))
                .andExpect(jsonPath("$.name").value("钱七"))
                .andExpect(header().string("ETag", "\"4\""));
    }

    @Test
    void aBadSourceOrIdIsNamedInTheCallersLanguage() throws Exception {
        mvc.perform(json(put(ADDRESS + "CRM/x"), acme.adminToken(), "{\"name\":\"甲\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"))
                .andExpect(jsonPath("$.errors[0].message", containsString("lower-case letters")));
        mvc.perform(json(put(ADDRESS + "CRM/x"), acme.adminToken(), "{\"name\":\"甲\"}")
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"))
                .andExpect(jsonPath("$.errors[0].message", containsString("小写字母")));
        mvc.perform(as(get(ADDRESS + "crm/" + "x".repeat(201)), acme.adminToken()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("externalId"))
                .andExpect(jsonPath("$.errors[0].message", containsString("1 to 200 characters")));
        mvc.perform(json(put(URI.create(ADDRESS + "crm/%20x")), acme.adminToken(), "{\"name\":\"甲\"}")
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("externalId"))
                .andExpect(jsonPath("$.errors[0].message", containsString("首尾不能有空格")));
        mvc.perform(putting(acme.adminToken(), "A-5", "{\"name\":\"甲\",\"externalIds\":{\"crm\":\"B-5\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("externalIds.crm"));
        mvc.perform(putting(acme.adminToken(), "A-5", "{\"name\":\"甲\",\"mobile\":\"12345\"}")
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mobile"));
        mvc.perform(as(get(ADDRESS + "crm/A-5"), acme.adminToken())).andExpect(status().isNotFound());
    }

    /**
     * A member who may not see the contact is answered as for a contact there is not (GET 404) or as
     * creating one with a taken id is (PUT 409, naming nobody); one who sees it but may not change it
     * as PATCH answers (403). Nothing of the contact changes.
     */
    @Test
    void aContactTheCallerMayNotSeeOrChangeIsNeitherShownNorChanged() throws Exception {
        Api.Person member = api.newMember(acme, "MEMBER");
        String id = JsonPath.read(body(putting(acme.adminToken(), "V-1", "{\"name\":\"孙八\"}"), 201), "$.id");

        String unknown = body(as(get(ADDRESS + "crm/NOBODY"), member.token()), 404);
        String hidden = body(as(get(ADDRESS + "crm/V-1"), member.token()), 404);
        assertThat(JsonPath.<String>read(hidden, "$.type")).isEqualTo(JsonPath.read(unknown, "$.type"));
        assertThat(hidden).doesNotContain(id).doesNotContain("孙八");
        String refused = body(putting(member.token(), "V-1", "{\"name\":\"改名\"}"), 409);
        assertThat(JsonPath.<String>read(refused, "$.type")).isEqualTo("/problems/external-id-taken");
        assertThat(refused).doesNotContain(id).doesNotContain("孙八");

        body(
                json(
                        patch("/api/v1/contacts/" + id),
                        acme.adminToken(),
                        "{\"shareUserIds\":[\"" + member.id() + "\"]}"),
                200);
        body(as(get(ADDRESS + "crm/V-1"), member.token()), 200);
        String forbidden = body(putting(member.token(), "V-1", "{\"name\":\"改名\"}"), 403);
        assertThat(JsonPath.<String>read(forbidden, "$.type")).isEqualTo("/problems/forbidden");
        mvc.perform(as(get(ADDRESS + "crm/V-1"), acme.adminToken()))
                .andExpect(jsonPath("$.name").value("孙八"))
                .andExpect(header().string("ETag", "\"2\""));

        body(as(delete("/api/v1/contacts/" + id), acme.adminToken()), 204);
        body(as(get(ADDRESS + "crm/V-1"), acme.adminToken()), 404);
        body(putting(acme.adminToken(), "V-1", "{\"name\":\"孙八\"}"), 409);
    }

    @Test
    void putsOfTheSameNewIdAtOnceMakeOneContact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String externalId = "RACE-" + round;
                List<Callable<Integer>> puts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String company = "公司" + i;
                    puts.add(() -> mvc.perform(putting(
                                    acme.adminToken(), externalId, "{\"name\":\"并发\",\"company\":\"" + company + "\"}"))
                            .andReturn()
                            .getResponse()
                            .getStatus());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(puts)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
                mvc.perform(as(get("/api/v1/contacts?externalId=crm:" + externalId), acme.adminToken()))
                        .andExpect(jsonPath("$.items.length()").value(1));
            }
        } finally {
            pool.shutdown();
        }
    }
}
