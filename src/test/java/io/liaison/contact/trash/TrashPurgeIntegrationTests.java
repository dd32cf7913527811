package io.liaison.contact.trash;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class TrashPurgeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrashPurge purge;

    @Test
    void contactsLongerThanTheRetentionInTheTrashAreGoneForGood() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String[] ids = new String[3];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = JsonPath.read(
                    mvc.perform(json(
                                    post("/api/v1/contacts"),
                                    org.adminToken(),
                                    "{\"name\":\"Old " + i + "\",\"emails\":[{\"address\":\"old" + i + "@x.cn\"}]}"))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.id");
        }
        mvc.perform(json(
                        post("/api/v1/contacts/" + ids[0] + "/follow-ups"),
                        org.adminToken(),
                        "{\"type\":\"note\",\"content\":\"x\"}"))
                .andExpect(status().isCreated());
        for (int i = 0; i < 2; i++) {
            mvc.perform(as(delete("/api/v1/contacts/" + ids[i]), org.adminToken()))
                    .andExpect(status().isNoContent());
        }
        jdbc.sql("UPDATE contact SET trashed_at = now() - interval '31 days' WHERE id = ?::uuid")
                .param(ids[0])
                .update();
        // A trashed contact has no search keys; one left behind by mistake must not outlive it
        // (no foreign key removes it), or searches would count a contact that is gone.
        jdbc.sql("""
                        INSERT INTO contact_search (org_id, key, tier, recency, contact_id, owner_id)
                        SELECT org_id, 'old', 0, 0, id, owner_id FROM contact WHERE id = ?::uuid
                        """).param(ids[0]).update();

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(count("SELECT count(*) FROM contact WHERE id = ?::uuid", ids[0]))
                .isZero();
        assertThat(count("SELECT count(*) FROM contact_email WHERE contact_id = ?::uuid", ids[0]))
                .isZero();
        assertThat(count("SELECT count(*) FROM contact_search WHERE contact_id = ?::uuid", ids[0]))
                .isZero();
        assertThat(count("SELECT count(*) FROM follow_up WHERE contact_id = ?::uuid", ids[0]))
                .isZero();
        assertThat(count("SELECT count(*) FROM contact_timeline WHERE contact_id = ?::uuid", ids[0]))
                .isZero();
        // The audit log keeps who did what, but neither the values nor the name of the erased contact.
        assertThat(count("SELECT count(*) FROM audit_event WHERE target_id = ?::uuid", ids[0]))
                .isGreaterThanOrEqualTo(3);
        assertThat(count(
                        "SELECT count(*) FROM audit_event WHERE target_id = ?::uuid"
                                + " AND (names::text LIKE '%Old 0%' OR after::text LIKE '%Old 0%')",
                        ids[0]))
                .isZero();
        assertThat(count("SELECT count(*) FROM audit_name WHERE target_id = ?::uuid", ids[0]))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM audit_event WHERE target_id = ?::uuid AND names::text LIKE '%Old 1%'",
                        ids[1]))
                .isPositive();
        assertThat(count("SELECT count(*) FROM contact WHERE id = ?::uuid", ids[1]))
                .isOne();
        assertThat(count("SELECT count(*) FROM contact WHERE id = ?::uuid AND trashed_at IS NULL", ids[2]))
                .isOne();
    }

    int count(String sql, String id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }
}
