package io.liaison.contact.search;

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
        SearchKeyWriter.Named kept = contact(api, org, "欧阳锋");
        SearchKeyWriter.Named renamed = contact(api, org, "黄药师");
        SearchKeyWriter.Named trashed = contact(api, org, "段智兴");
        UUID job = UUID.randomUUID();
        SearchKeyWriter.PendingKeys pending = leftAsImported(org, job, kept, renamed, trashed);
        assertThat(found(org, "oyf")).isEmpty();
        assertThat(found(org, "锋商行")).isEmpty();

        mvc.perform(json(patch("/api/v1/contacts/" + renamed.contactId()), org.adminToken(), "{\"name\":\"黄蓉\"}")
                        .header("If-Match", "\"1\""))
                .andExpect(status().isOk());
        mvc.perform(as(delete("/api/v1/contacts/" + trashed.contactId()), org.adminToken()))
                .andExpect(status().isNoContent());
        writer.write(pending).get();

        assertThat(found(org, "oyf")).containsExactly("欧阳锋");
        assertThat(found(org, "ouyang")).containsExactly("欧阳锋");
        assertThat(found(org, "锋商行")).containsExactly("欧阳锋");
        assertThat(found(org, "商行")).containsExactlyInAnyOrder("欧阳锋", "黄蓉");
        assertThat(found(org, "黄")).containsExactly("黄蓉");
        assertThat(found(org, "hys")).isEmpty();
        assertThat(found(org, "段")).isEmpty();
        assertThat(keys(renamed.contactId(), "hys")).isZero();
        assertThat(keys(trashed.contactId(), "d")).isZero();
        assertThat(pending(job)).isZero();
    }

    @Test
    void aBatchLeftWithoutItsKeysGetsThemWhenRepaired() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        UUID job = UUID.randomUUID();
        // The node died after the batch's commit, before its keys were written.
        leftAsImported(org, job, contact(api, org, "郭靖"));
        assertThat(found(org, "gj")).isEmpty();

        assertThat(writer.repair(job)).isOne();

        assertThat(found(org, "gj")).containsExactly("郭靖");
        assertThat(writer.repair(job)).isZero();
    }

    @Test
    void theHourlyRepairTakesOnlyBatchesLeftWaitingForAnHour() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        UUID job = UUID.randomUUID();
        leftAsImported(org, job, contact(api, org, "杨过"));
        jdbc.sql("UPDATE contact_search_pending SET created_at = now() - interval '61 minutes' WHERE job_id = ?")
                .param(job)
                .update();
        leftAsImported(org, job, contact(api, org, "小龙女"));

        assertThat(writer.repairOlderThan(Duration.ofHours(1))).isOne();

        assertThat(found(org, "yg")).containsExactly("杨过");
        // A batch of a running import may still be on its way: left to the import.
        assertThat(found(org, "xln")).isEmpty();
        assertThat(pending(job)).isOne();
    }

    private SearchKeyWriter.Named contact(Api api, Api.Org org, String name) throws Exception {
        UUID id = UUID.fromString(api.createdId(json(
                post("/api/v1/contacts"),
                org.adminToken(),
                "{\"name\":\"" + name + "\",\"company\":\"" + name + "商行\"}")));
        UUID owner = jdbc.sql("SELECT owner_id FROM contact WHERE id = ?")
                .param(id)
                .query(UUID.class)
                .single();
        return new SearchKeyWriter.Named(id, name, owner, name + "商行", null, List.of());
    }

    /** As an import leaves its batch: committed, the keys still to come. */
    private SearchKeyWriter.PendingKeys leftAsImported(Api.Org org, UUID job, SearchKeyWriter.Named... contacts) {
        return transactions.execute(s -> {
            for (SearchKeyWriter.Named c : contacts) {
                for (String keys : List.of("contact_search", "contact_word")) {
                    jdbc.sql("DELETE FROM " + keys + " WHERE contact_id = ?")
                            .param(c.contactId())
                            .update();
                }
            }
            return writer.stage(UUID.fromString(org.id()), job, List.of(contacts));
        });
    }

    private int pending(UUID job) {
        return jdbc.sql("SELECT count(*) FROM contact_search_pending WHERE job_id = ?")
                .param(job)
                .query(Integer.class)
                .single();
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
