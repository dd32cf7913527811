package io.liaison.contact;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One organization's data does not cost another's list: the list reads each row's collections
 * through their indexes, up to their maxima, so the pages it reads for an organization stay the
 * same however much another one stores (counted by PostgreSQL's buffers, not by time).
 */
@LiaisonIntegrationTest
class ListIsolationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aListInASecondOrganizationIsUnaffectedByTheFirstsData() throws Exception {
        Api api = new Api(mvc);
        Api.Org first = api.newOrg("zh-CN");
        Api.Org second = api.newOrg("zh-CN");
        for (int i = 0; i < 20; i++) {
            create(api, second, "乙" + i, 2);
        }
        String before = list(second);
        long buffersBefore = buffers(second.id(), JsonPath.read(before, "$.items[*].id"));

        // The first organization: contacts with the most external ids each, and one stored with
        // 300,000 of them before there was a maximum.
        List<String> full = IntStream.range(0, 40)
                .mapToObj(i -> {
                    try {
                        return create(api, first, "甲" + i, 50);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        String legacy = full.get(0);
        jdbc.sql("""
                        INSERT INTO contact_external_id (org_id, contact_id, source, external_id)
                        SELECT ?, ?, 'z' || g, 'v' || g FROM generate_series(1, 300000) g
                        """)
                .params(UUID.fromString(first.id()), UUID.fromString(legacy))
                .update();
        jdbc.sql("ANALYZE contact_external_id").update();

        String after = list(second);
        assertThat((List<Object>) JsonPath.read(after, "$.items[*]")).isEqualTo(JsonPath.read(before, "$.items[*]"));
        long buffersAfter = buffers(second.id(), JsonPath.read(after, "$.items[*].id"));
        // A deeper index may cost a page more per lookup (20 rows, 5 collections), no more.
        assertThat(buffersAfter)
                .as("buffers before %d, after %d", buffersBefore, buffersAfter)
                .isLessThanOrEqualTo(buffersBefore + 100);

        // The first organization's own list reads the legacy contact's first 50 ids, as many as it shows.
        String own = list(first);
        Map<String, String> shown = JsonPath.<List<Map<String, String>>>read(
                        own, "$.items[?(@.id == '" + legacy + "')].externalIds")
                .get(0);
        assertThat(shown).hasSize(50);
        long legacyBuffers = buffers(first.id(), List.of(legacy));
        long ordinaryBuffers = buffers(first.id(), List.of(full.get(1)));
        assertThat(legacyBuffers)
                .as("legacy %d, ordinary %d", legacyBuffers, ordinaryBuffers)
                .isLessThanOrEqualTo(ordinaryBuffers + 10);
    }

    private String create(Api api, Api.Org org, String name, int externalIds) throws Exception {
        String ids = IntStream.range(0, externalIds)
                .mapToObj(i -> "\"s" + i + "\":\"" + name + "-" + i + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        return api.createdId(json(
                post("/api/v1/contacts"),
                org.adminToken(),
                "{\"name\":\"" + name + "\",\"emails\":[{\"address\":\"" + UUID.randomUUID()
                        + "@example.cn\"}],\"externalIds\":" + ids + "}"));
    }

    private String list(Api.Org org) throws Exception {
        return mvc.perform(as(get("/api/v1/contacts?limit=100"), org.adminToken()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The shared buffers (hit and read) the list's row statement touches for these contacts. */
    private long buffers(String orgId, List<String> ids) {
        String plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT " + ContactRepository.COLUMNS
                        + " FROM contact c WHERE c.org_id = ? AND c.id = ANY (?)")
                .params(
                        UUID.fromString(orgId),
                        ids.stream().map(UUID::fromString).toArray(UUID[]::new))
                .query(String.class)
                .single();
        Number hit = JsonPath.read(plan, "$[0].Plan['Shared Hit Blocks']");
        Number read = JsonPath.read(plan, "$[0].Plan['Shared Read Blocks']");
        return hit.longValue() + read.longValue();
    }
}
