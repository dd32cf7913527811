package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Several nodes: db-scheduler gives a job whose node missed its heartbeats to another node, but the
 * first node may only have been slow. Its next batch finds the job moved on and writes nothing.
 */
@LiaisonIntegrationTest
class ImportTakeOverIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportRunner runner;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNodeWhoseJobAnotherNodeTookOverLeavesItWithoutWritingABatch() throws Exception {
        Api.Org org = new Api(mvc).newOrg("zh-CN");
        Imports imports = new Imports(mvc, runner);
        byte[] csv = NumberedContacts.csv("姓名,手机", "慢", "1871", 12_000);
        String id = imports.start(org.adminToken(), "slow.csv", csv, Map.of());
        UUID job = UUID.fromString(id);

        // After this node's first batch (5,000 records), another node has gone on to record 10,000.
        assertThat(runner.run(job, () -> {
                    jdbc.sql("UPDATE import_job SET next_record = 10000 WHERE id = ?")
                            .param(job)
                            .update();
                    return false;
                }))
                .as("this node is done with the job")
                .isTrue();
        String left = imports.job(org.adminToken(), id);
        assertThat((String) JsonPath.read(left, "$.status")).as(left).isEqualTo("running");
        assertThat((Integer) JsonPath.read(left, "$.created")).isEqualTo(5_000);
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE org_id = ?::uuid AND source = 'import'")
                        .param(org.id())
                        .query(Integer.class)
                        .single())
                .as("contacts this node wrote")
                .isEqualTo(5_000);
    }
}
