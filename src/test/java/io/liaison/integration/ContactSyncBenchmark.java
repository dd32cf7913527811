package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The NDJSON sync next to the import it shares its batch path with (issue 22): 100,000 rows synced
 * into one organization and imported as a CSV file of the same rows into another, in this run. Both
 * should take about as long; the figures are printed (run with {@code -Pbenchmark}).
 */
@Tag("benchmark")
@LiaisonIntegrationTest
class ContactSyncBenchmark {

    private static final int LINES = Integer.getInteger("benchmark.sync-lines", 100_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportRunner runner;

    @Test
    void syncNextToImport() throws Exception {
        Api api = new Api(mvc);
        long started = System.nanoTime();
        String answer = mvc.perform(post("/api/v1/contacts/sync")
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                "Bearer " + api.newOrg().adminToken())
                        .contentType("application/x-ndjson")
                        .content(SyncRows.ndjson(LINES).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        double syncSeconds = (System.nanoTime() - started) / 1e9;
        String summary = answer.lines().reduce((first, second) -> second).orElseThrow();
        assertThat(JsonPath.<Integer>read(summary, "$.created")).isEqualTo(LINES - LINES / 10_000);

        started = System.nanoTime();
        String job = new Imports(mvc, runner)
                .importFile(
                        api.newOrg().adminToken(),
                        "contacts.csv",
                        SyncRows.csv(LINES).getBytes(StandardCharsets.UTF_8),
                        Map.of("mode", "upsert", "match", "externalId"));
        double importSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(JsonPath.<Integer>read(job, "$.created")).isEqualTo(LINES - LINES / 10_000);

        System.out.printf(
                "Sync of %,d NDJSON lines: %.1f s, %,.0f rows/s; import of the same rows as CSV: %.1f s, %,.0f rows/s%n",
                LINES, syncSeconds, LINES / syncSeconds, importSeconds, LINES / importSeconds);
    }
}
