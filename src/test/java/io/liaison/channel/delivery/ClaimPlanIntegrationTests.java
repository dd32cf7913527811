package io.liaison.channel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim stays fast with many rows waiting behind one order key: 10^5 rows of one key, the first
 * sending and the others held, and one row of another key. The claim reads a handful of rows, not
 * the 10^5 (in a transaction rolled back, so that no other test sees them).
 */
@LiaisonIntegrationTest
class ClaimPlanIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(ClaimPlanIntegrationTests.class);
    static final int ROWS = 100_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theClaimDoesNotScanTheRowsHeldBehindAnOrderKey() throws Exception {
        UUID org = UUID.fromString(new Api(mvc).newOrg().id());
        UUID channel = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO delivery (org_id, id, channel_id, kind, origin_module, message, state, order_key,
                                                  held, attempts, claimed_at, claimed_by, attempted_at)
                            SELECT ?, gen_random_uuid(), ?, 'webhook', 'test', '{"title":"t","text":"x"}',
                                   CASE WHEN g = 1 THEN 'sending' ELSE 'queued' END, 'contact-1', g > 1,
                                   CASE WHEN g = 1 THEN 1 ELSE 0 END, CASE WHEN g = 1 THEN now() END,
                                   CASE WHEN g = 1 THEN 'node' END, CASE WHEN g = 1 THEN now() END
                              FROM generate_series(1, ?) AS g
                             ORDER BY g
                            """).params(org, channel, ROWS).update();
            UUID free = UUID.randomUUID();
            jdbc.sql("""
                            INSERT INTO delivery (org_id, id, channel_id, kind, origin_module, message, order_key)
                            VALUES (?, ?, ?, 'webhook', 'test', '{"title":"t","text":"x"}', 'contact-2')
                            """).params(org, free, channel).update();
            jdbc.sql("ANALYZE delivery").update();

            String plan = jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + DeliveryRepository.LOCK_DUE)
                    .param(20)
                    .query(String.class)
                    .single();
            JsonNode root = json.readTree(plan).get(0);
            List<String> scans = new ArrayList<>();
            long most = most(root.get("Plan"), scans);
            log.info(
                    "The claim over {} held rows: {} ms, at most {} rows read by one step; {}",
                    ROWS,
                    root.get("Execution Time").asDouble(),
                    most,
                    scans);
            assertThat(scans).noneMatch(scan -> scan.startsWith("Seq Scan"));
            assertThat(most).as("rows one step of the claim read").isLessThan(1_000);

            List<UUID> claimed = jdbc.sql(DeliveryRepository.LOCK_DUE)
                    .param(ROWS)
                    .query((rs, n) -> rs.getObject("id", UUID.class))
                    .list();
            List<UUID> ofOrg = jdbc.sql("SELECT id FROM delivery WHERE org_id = ? AND id = ANY(?)")
                    .params(org, claimed.toArray(UUID[]::new))
                    .query(UUID.class)
                    .list();
            assertThat(ofOrg).as("only the row of the other key is due").containsExactly(free);
            status.setRollbackOnly();
        });
    }

    /** The most rows a node of the plan produced or filtered out, over all its loops; collects the scans. */
    private static long most(JsonNode node, List<String> scans) {
        long loops = Math.max(1, node.path("Actual Loops").asLong());
        long rows = (node.path("Actual Rows").asLong()
                        + node.path("Rows Removed by Filter").asLong())
                * loops;
        String type = node.path("Node Type").asText();
        if (type.contains("Scan")) {
            scans.add(type + " "
                    + node.path("Index Name").asText(node.path("Relation Name").asText()));
        }
        for (JsonNode child : node.path("Plans")) {
            rows = Math.max(rows, most(child, scans));
        }
        return rows;
    }
}
