package io.liaison.integration;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@LiaisonIntegrationTest
class ContactSyncIntegrationTests {

    private static final int LINES = 100_000;

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org acme;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        acme = api.newOrg();
    }

    private MvcResult sync(String token, byte[] body, String language) throws Exception {
        return mvc.perform(post("/api/v1/contacts/sync")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                        .contentType("application/x-ndjson")
                        .content(body))
                .andExpect(status().isOk())
                .andReturn();
    }

    private static List<String> lines(MvcResult result) throws Exception {
        assertThat(result.getResponse().getContentType()).startsWith("application/x-ndjson");
        return result.getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .lines()
                .toList();
    }

    private void created(String externalId, String body) throws Exception {
        mvc.perform(json(put("/api/v1/contacts/by-external-id/crm/" + externalId), acme.adminToken(), body))
                .andExpect(status().isCreated());
    }

    @Test
    void eachLineIsCreatedUpdatedLeftOrRefusedByItsNumber() throws Exception {
        created("E-1", "{\"name\":\"老客户\",\"company\":\"旧公司\"}");
        created("E-2", "{\"name\":\"老朋友\",\"company\":\"同一家\"}");
        String body = String.join(
                "\n",
                "{\"source\":\"crm\",\"externalId\":\"N-1\",\"name\":\"新客户\",\"mobile\":\"13800138001\"}",
                "{\"source\":\"crm\",\"externalId\":\"E-1\",\"company\":\"新公司\"}",
                "{\"source\":\"crm\",\"externalId\":\"E-2\",\"company\":\"同一家\"}",
                "{\"source\":\"crm\",\"externalId\":",
                "{\"source\":\"crm\",\"name\":\"无编号\"}",
                "{\"source\":\"crm\",\"externalId\":\"N-6\",\"name\":\"坏号码\",\"mobile\":\"12345\"}",
                "",
                "[1,2]",
                "{\"source\":\"crm\",\"externalId\":\"N-1\",\"name\":\"又一次\"}",
                "{\"source\":\"crm\",\"externalId\":\"N-10\",\"name\":\"" + "长".repeat(50_000) + "\"}",
                "{\"source\":\"crm\",\"externalId\":\"N-11\",\"name\":\"最后一行\"}");
        List<String> lines = lines(sync(acme.adminToken(), body.getBytes(StandardCharsets.UTF_8), "en"));

        assertThat(lines).hasSize(11);
        assertThat(lines.stream().limit(10).map(l -> JsonPath.<Integer>read(l, "$.line")))
                .containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 10, 11);
        assertThat(lines.stream().limit(10).map(l -> JsonPath.<String>read(l, "$.status")))
                .containsExactly(
                        "created",
                        "updated",
                        "unchanged",
                        "failed",
                        "failed",
                        "failed",
                        "failed",
                        "failed",
                        "failed",
                        "created");
        assertThat(JsonPath.<String>read(lines.get(3), "$.errors[0].message")).isEqualTo("The line is not valid JSON.");
        assertThat(JsonPath.<String>read(lines.get(4), "$.errors[0].field")).isEqualTo("externalId");
        assertThat(JsonPath.<String>read(lines.get(4), "$.errors[0].message")).isEqualTo("is required");
        assertThat(JsonPath.<String>read(lines.get(5), "$.errors[0].field")).isEqualTo("mobile");
        assertThat(JsonPath.<String>read(lines.get(6), "$.errors[0].message"))
                .isEqualTo("The line is not a JSON object.");
        assertThat(JsonPath.<String>read(lines.get(7), "$.errors[0].message")).contains("row 1");
        assertThat(JsonPath.<String>read(lines.get(8), "$.errors[0].message")).contains("128 KB");
        assertThat(JsonPath.<String>read(lines.get(0), "$.id")).isNotBlank();
        assertThat(JsonPath.<Object>read(lines.get(5), "$.id")).isNull();
        String summary = lines.get(10);
        assertThat(JsonPath.<Boolean>read(summary, "$.summary")).isTrue();
        assertThat(JsonPath.<Integer>read(summary, "$.lines")).isEqualTo(11);
        assertThat(JsonPath.<Integer>read(summary, "$.created")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(summary, "$.updated")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(summary, "$.unchanged")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(summary, "$.failed")).isEqualTo(6);
        assertThat(JsonPath.<Object>read(summary, "$.stopped")).isNull();

        mvc.perform(as(get("/api/v1/contacts/by-external-id/crm/N-1"), acme.adminToken()))
                .andExpect(jsonPath("$.source").value("sync"))
                .andExpect(jsonPath("$.name").value("新客户"))
                .andExpect(jsonPath("$.mobile").value("+8613800138001"));
        mvc.perform(as(get("/api/v1/contacts/by-external-id/crm/E-1"), acme.adminToken()))
                .andExpect(jsonPath("$.name").value("老客户"))
                .andExpect(jsonPath("$.company").value("新公司"));
        mvc.perform(as(get("/api/v1/contacts/by-external-id/crm/N-6"), acme.adminToken()))
                .andExpect(status().isNotFound());

        String created = JsonPath.read(lines.get(0), "$.id");
        String updated = JsonPath.read(lines.get(1), "$.id");
        assertThat(changes("contact.created " + created, "contact.updated " + updated))
                .as("the feed has the sync's changes")
                .contains("contact.created " + created, "contact.updated " + updated);

        List<String> again = lines(sync(acme.adminToken(), body.getBytes(StandardCharsets.UTF_8), "zh-CN"));
        assertThat(JsonPath.<String>read(again.get(0), "$.status")).isEqualTo("unchanged");
        assertThat(JsonPath.<String>read(again.get(1), "$.status")).isEqualTo("unchanged");
        assertThat(JsonPath.<String>read(again.get(3), "$.errors[0].message")).isEqualTo("这一行不是有效的 JSON。");
        assertThat(JsonPath.<String>read(again.get(4), "$.errors[0].message")).isEqualTo("必填");
        assertThat(JsonPath.<String>read(again.get(5), "$.errors[0].message")).containsPattern("\\p{IsHan}");
    }

    /**
     * The change feed's changes as "type id", read until it holds every one of {@code expected} (it
     * shows a change once no earlier transaction is still running) or ten seconds have passed.
     */
    private List<String> changes(String... expected) throws Exception {
        List<String> seen = new ArrayList<>();
        String since = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!seen.containsAll(List.of(expected)) && System.nanoTime() < deadline) {
            String page = mvc.perform(as(
                            get("/api/v1/changes?limit=1000" + (since == null ? "" : "&since=" + since)),
                            acme.adminToken()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            List<Map<String, Object>> items = JsonPath.read(page, "$.items");
            items.forEach(item -> seen.add(item.get("type") + " " + item.get("resourceId")));
            since = JsonPath.read(page, "$.next");
            Thread.sleep(100);
        }
        return seen;
    }

    @Test
    void aBodyPastTheLineLimitStopsThereAndSaysSo() throws Exception {
        StringBuilder body = new StringBuilder("\n".repeat(LINES));
        body.append("{\"source\":\"crm\",\"externalId\":\"TOO-FAR\",\"name\":\"太远\"}\n");
        List<String> lines = lines(sync(acme.adminToken(), body.toString().getBytes(StandardCharsets.UTF_8), "en"));

        assertThat(lines).hasSize(1);
        assertThat(JsonPath.<Integer>read(lines.get(0), "$.lines")).isEqualTo(LINES);
        assertThat(JsonPath.<String>read(lines.get(0), "$.stopped"))
                .isEqualTo("A sync takes at most 100000 lines; the lines after line 100000 were not read.");
        mvc.perform(as(get("/api/v1/contacts/by-external-id/crm/TOO-FAR"), acme.adminToken()))
                .andExpect(status().isNotFound());
    }

    @Test
    void twoSyncsOfTheSameNewIdsAtOnceMakeEachContactOnce() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            body.append("{\"source\":\"crm\",\"externalId\":\"TWICE-")
                    .append(i)
                    .append("\",\"name\":\"同时 ")
                    .append(i)
                    .append("\"}\n");
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> syncs = pool.invokeAll(List.of(
                    () -> lines(sync(acme.adminToken(), bytes, "en")),
                    () -> lines(sync(acme.adminToken(), bytes, "en"))));
            int created = 0;
            for (Future<List<String>> f : syncs) {
                String summary = f.get().get(300);
                assertThat(JsonPath.<Integer>read(summary, "$.failed"))
                        .as(summary)
                        .isZero();
                created += JsonPath.<Integer>read(summary, "$.created");
            }
            assertThat(created).isEqualTo(300);
        } finally {
            pool.shutdown();
        }
        mvc.perform(as(get("/api/v1/contacts/count?externalId=crm:TWICE-7"), acme.adminToken()))
                .andExpect(jsonPath("$.count").value(1));
    }

    /**
     * 100,000 lines, one in 10,000 with an invalid mobile: every good line is created and the bad ones
     * are named by their number. (How fast, next to an import of the same rows: ContactSyncBenchmark.)
     */
    @Test
    void aHundredThousandLinesSyncWithTheBadOnesNamedByNumber() throws Exception {
        byte[] body = SyncRows.ndjson(LINES).getBytes(StandardCharsets.UTF_8);
        List<String> lines = lines(sync(acme.adminToken(), body, "en"));
        String summary = lines.get(lines.size() - 1);
        assertThat(lines).hasSize(LINES + 1);
        assertThat(JsonPath.<Integer>read(summary, "$.created")).isEqualTo(LINES - 10);
        assertThat(JsonPath.<Integer>read(summary, "$.failed")).isEqualTo(10);
        assertThat(lines.stream()
                        .filter(l -> l.contains("\"status\":\"failed\""))
                        .map(l -> JsonPath.<Integer>read(l, "$.line")))
                .containsExactly(10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000);
    }
}
