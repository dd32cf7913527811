package io.liaison.contact;

import static io.liaison.contact.TestOrgs.as;
import static io.liaison.contact.TestOrgs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Deleting a tag or a group takes it off contacts and leaves a line in each contact's timeline. */
@LiaisonIntegrationTest
class TagDeletionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrgs.Org org;
    UUID group;
    UUID vip;
    UUID cold;

    @BeforeEach
    void setUp() throws Exception {
        org = new TestOrgs(mvc).newOrg("en");
        group = create("/api/v1/tag-groups", "{\"name\":\"Temperature\",\"color\":\"#EF4444\"}");
        vip = create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"Hot\"}");
        cold = create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"Cold\"}");
    }

    @Test
    void deletingATagTakesItOffItsContactsAndRecordsItInTheirTimelines() throws Exception {
        UUID first = TestOrgs.insertContact(jdbc, org, "Li Si");
        UUID second = TestOrgs.insertContact(jdbc, org, "Wang Wu");
        UUID untouched = TestOrgs.insertContact(jdbc, org, "Zhao Liu");
        TestOrgs.tag(jdbc, org, first, vip, cold);
        TestOrgs.tag(jdbc, org, second, vip);
        TestOrgs.tag(jdbc, org, untouched, cold);

        mvc.perform(as(delete("/api/v1/tags/" + vip), org.adminToken())).andExpect(status().isNoContent());

        assertThat(tagsOf(first)).containsExactly(cold);
        assertThat(tagsOf(second)).isEmpty();
        assertThat(tagsOf(untouched)).containsExactly(cold);
        List<Map<String, Object>> timeline = timeline();
        assertThat(timeline).extracting(row -> row.get("contact_id")).containsExactlyInAnyOrder(first, second);
        assertThat(timeline).allSatisfy(row -> {
            assertThat(row.get("kind")).isEqualTo("tag_deleted");
            assertThat(row.get("actor_id")).isEqualTo(org.adminId());
            assertThat(String.valueOf(row.get("data")))
                    .contains("\"tagId\": \"" + vip + "\"", "\"tagName\": \"Hot\"", "\"groupName\": \"Temperature\"");
            // UUIDv7: version 7 and the variant bits of RFC 9562
            assertThat(((UUID) row.get("id")).version()).isEqualTo(7);
            assertThat(((UUID) row.get("id")).variant()).isEqualTo(2);
        });
        mvc.perform(as(get("/api/v1/tags/" + vip), org.adminToken())).andExpect(status().isNotFound());
    }

    @Test
    void deletingAGroupDeletesItsTagsFromEveryContact() throws Exception {
        UUID first = TestOrgs.insertContact(jdbc, org, "Li Si");
        UUID second = TestOrgs.insertContact(jdbc, org, "Wang Wu");
        TestOrgs.tag(jdbc, org, first, vip, cold);
        TestOrgs.tag(jdbc, org, second, cold);

        mvc.perform(as(delete("/api/v1/tag-groups/" + group), org.adminToken())).andExpect(status().isNoContent());

        assertThat(tagsOf(first)).isEmpty();
        assertThat(tagsOf(second)).isEmpty();
        assertThat(timeline()).extracting(row -> row.get("contact_id")).containsExactlyInAnyOrder(first, first, second);
        assertThat(jdbc.sql("SELECT count(*) FROM tag WHERE org_id = ? AND group_id = ?")
                        .params(org.id(), group)
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(as(get("/api/v1/tag-groups/" + group), org.adminToken())).andExpect(status().isNotFound());
    }

    @Test
    void deletingAnUnusedTagWritesNoTimeline() throws Exception {
        mvc.perform(as(delete("/api/v1/tags/" + cold), org.adminToken()).header("If-Match", "\"1\""))
                .andExpect(status().isNoContent());
        assertThat(timeline()).isEmpty();
    }

    List<UUID> tagsOf(UUID contact) {
        return jdbc.sql("SELECT tag_id FROM contact_tag WHERE org_id = ? AND contact_id = ?")
                .params(org.id(), contact)
                .query(UUID.class)
                .list();
    }

    List<Map<String, Object>> timeline() {
        return jdbc.sql(
                        "SELECT id, contact_id, actor_id, kind, data::text AS data FROM contact_timeline WHERE org_id = ?")
                .param(org.id())
                .query()
                .listOfRows();
    }

    UUID create(String path, String body) throws Exception {
        String response = mvc.perform(json(post(path), org.adminToken(), body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return UUID.fromString(JsonPath.read(response, "$.id"));
    }
}
