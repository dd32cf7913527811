package io.liaison.contact;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys of an import's batch are written after the batch is committed; a contact changed in
 * between keeps the keys of its change.
 */
@LiaisonIntegrationTest
class SearchKeyWriterIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchKeyWriter writer;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void writesTheKeysOfContactsLeftAsImportedAndNotOfThoseChangedOrTrashedInTheMeantime() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        UUID kept =
                UUID.fromString(api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"欧阳锋\"}")));
        UUID renamed =
                UUID.fromString(api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"黄药师\"}")));
        UUID trashed =
                UUID.fromString(api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"段智兴\"}")));
        UUID orgId = UUID.fromString(org.id());
        UUID owner = jdbc.sql("SELECT owner_id FROM contact WHERE id = ?")
                .param(kept)
                .query(UUID.class)
                .single();
        UUID job = UUID.randomUUID();
        // As an import leaves them: committed, their keys still to come.
        SearchKeyWriter.PendingKeys pending = transactions.execute(s -> {
            jdbc.sql("DELETE FROM contact_search WHERE contact_id IN (?, ?, ?)")
                    .params(kept, renamed, trashed)
                    .update();
            return writer.stage(
                    orgId,
                    job,
                    List.of(
                            new SearchKeyWriter.Named(kept, "欧阳锋", owner),
                            new SearchKeyWriter.Named(renamed, "黄药师", owner),
                            new SearchKeyWriter.Named(trashed, "段智兴", owner)));
        });
        assertThat(found(org, "oyf")).isEmpty();

        mvc.perform(json(patch("/api/v1/contacts/" + renamed), org.adminToken(), "{\"name\":\"黄蓉\"}")
                        .header("If-Match", "\"1\""))
                .andExpect(status().isOk());
        mvc.perform(as(delete("/api/v1/contacts/" + trashed), org.adminToken())).andExpect(status().isNoContent());
        writer.write(pending).get();

        assertThat(found(org, "oyf")).containsExactly("欧阳锋");
        assertThat(found(org, "ouyang")).containsExactly("欧阳锋");
        assertThat(found(org, "黄")).containsExactly("黄蓉");
        assertThat(found(org, "hys")).isEmpty();
        assertThat(found(org, "段")).isEmpty();
        assertThat(keys(renamed, "hys")).isZero();
        assertThat(keys(trashed, "d")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM contact_search_pending WHERE job_id = ?")
                        .param(job)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aBatchLeftWithoutItsKeysGetsThemWhenRepaired() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        UUID contact =
                UUID.fromString(api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"郭靖\"}")));
        UUID owner = jdbc.sql("SELECT owner_id FROM contact WHERE id = ?")
                .param(contact)
                .query(UUID.class)
                .single();
        UUID job = UUID.randomUUID();
        // The node died after the batch's commit, before its keys were written.
        transactions.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM contact_search WHERE contact_id = ?")
                    .param(contact)
                    .update();
            writer.stage(UUID.fromString(org.id()), job, List.of(new SearchKeyWriter.Named(contact, "郭靖", owner)));
        });
        assertThat(found(org, "gj")).isEmpty();

        assertThat(writer.repair(job)).isOne();

        assertThat(found(org, "gj")).containsExactly("郭靖");
        assertThat(writer.repair(job)).isZero();
    }

    @Test
    void theHourlyRepairTakesOnlyBatchesLeftWaitingForAnHour() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        UUID stale =
                UUID.fromString(api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"杨过\"}")));
        UUID fresh =
                UUID.fromString(api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"小龙女\"}")));
        UUID owner = jdbc.sql("SELECT owner_id FROM contact WHERE id = ?")
                .param(stale)
                .query(UUID.class)
                .single();
        UUID orgId = UUID.fromString(org.id());
        UUID job = UUID.randomUUID();
        transactions.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM contact_search WHERE contact_id IN (?, ?)")
                    .params(stale, fresh)
                    .update();
            writer.stage(orgId, job, List.of(new SearchKeyWriter.Named(stale, "杨过", owner)));
            jdbc.sql("UPDATE contact_search_pending SET created_at = now() - interval '61 minutes' WHERE job_id = ?")
                    .param(job)
                    .update();
            writer.stage(orgId, job, List.of(new SearchKeyWriter.Named(fresh, "小龙女", owner)));
        });

        assertThat(writer.repairOlderThan(Duration.ofHours(1))).isOne();

        assertThat(found(org, "yg")).containsExactly("杨过");
        // A batch of a running import may still be on its way: left to the import.
        assertThat(found(org, "xln")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM contact_search_pending WHERE job_id = ?")
                        .param(job)
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    private List<String> found(Api.Org org, String q) throws Exception {
        String body = mvc.perform(as(get("/api/v1/contacts").param("q", q), org.adminToken()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.items[*].name");
    }

    private int keys(UUID contact, String key) {
        return jdbc.sql("SELECT count(*) FROM contact_search WHERE contact_id = ? AND key = ?")
                .params(contact, key)
                .query(Integer.class)
                .single();
    }
}
