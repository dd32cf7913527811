package io.liaison.contact.tag;

import static io.liaison.contact.TestOrgs.as;
import static io.liaison.contact.TestOrgs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.TestOrgs;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class TagApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrgs orgs;
    TestOrgs.Org org;

    @BeforeEach
    void setUp() throws Exception {
        orgs = new TestOrgs(mvc);
        org = orgs.newOrg("en");
    }

    @Test
    void aNewOrganizationStartsWithDefaultGroupsInItsLanguage() throws Exception {
        mvc.perform(as(get("/api/v1/tag-groups"), org.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", contains("Type", "Level", "Source")))
                .andExpect(jsonPath("$.items[0].tags[*].name", contains("Customer", "Supplier", "Partner", "Reseller")))
                .andExpect(jsonPath("$.items[1].exclusive").value(true))
                .andExpect(jsonPath("$.items[1].tags[*].name", contains("Key", "Regular")))
                .andExpect(jsonPath("$.items[2].tags[*].name", contains("Event", "Referral", "Website")))
                .andExpect(jsonPath("$.items[0].exclusive").value(false))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());

        TestOrgs.Org chinese = orgs.newOrg("zh-CN");
        mvc.perform(as(get("/api/v1/tag-groups"), chinese.adminToken()))
                .andExpect(jsonPath("$.items[*].name", contains("类型", "级别", "来源")))
                .andExpect(jsonPath("$.items[0].tags[*].name", contains("客户", "供应商", "合作伙伴", "渠道商")))
                .andExpect(jsonPath("$.items[1].tags[*].name", contains("重要", "普通")))
                .andExpect(jsonPath("$.items[1].exclusive").value(true))
                .andExpect(jsonPath("$.items[2].tags[*].name", contains("线下活动", "转介绍", "官网")));

        int firstOrgGroups = jdbc.sql(
                        "SELECT count(*) FROM tag_group g JOIN organization o ON o.id = g.org_id WHERE o.code = 'default'")
                .query(Integer.class)
                .single();
        assertThat(firstOrgGroups).isEqualTo(3);
    }

    @Test
    void groupsAndTagsAreCreatedRenamedAndListedInOrder() throws Exception {
        String group = create("/api/v1/tag-groups", "{\"name\":\"Industry\",\"color\":\"#7c3aed\",\"order\":-1}");
        mvc.perform(as(get("/api/v1/tag-groups/" + group), org.adminToken()))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.color").value("#7C3AED"))
                .andExpect(jsonPath("$.exclusive").value(false));
        String retail = create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"Retail\",\"order\":2}");
        create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"Banking\",\"order\":1}");

        mvc.perform(json(patch("/api/v1/tags/" + retail), org.adminToken(), "{\"name\":\"零售\"}")
                        .header("If-Match", "\"1\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.name").value("零售"))
                .andExpect(jsonPath("$.groupId").value(group));
        mvc.perform(json(
                        patch("/api/v1/tag-groups/" + group), org.adminToken(), "{\"name\":\"行业\",\"exclusive\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.exclusive").value(true));

        mvc.perform(as(get("/api/v1/tag-groups"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].name").value("行业"))
                .andExpect(jsonPath("$.items[0].tags[*].name", contains("Banking", "零售")))
                .andExpect(jsonPath("$.items[0].tags[0].contactCount").value(0));
    }

    @Test
    void namesAndColoursAreChecked() throws Exception {
        String group = create("/api/v1/tag-groups", "{\"name\":\"Region\",\"color\":\"#123456\"}");
        mvc.perform(json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"region\",\"color\":\"#123456\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/tag-group-name-taken"));
        mvc.perform(json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"Ok\",\"color\":\"red\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("color"));
        mvc.perform(json(
                        post("/api/v1/tag-groups"),
                        org.adminToken(),
                        "{\"name\":\"" + "x".repeat(31) + "\",\"color\":\"#123456\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(json(patch("/api/v1/tag-groups/" + group), org.adminToken(), "{\"color\":\"#12345\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("color"));

        create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"North\"}");
        mvc.perform(json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\" NORTH \"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/tag-name-taken"));
        mvc.perform(json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        String other = create("/api/v1/tag-groups", "{\"name\":\"Other\",\"color\":\"#654321\"}");
        create("/api/v1/tag-groups/" + other + "/tags", "{\"name\":\"North\"}");
    }

    @Test
    void aGroupBecomesExclusiveOnlyWhenNoContactCarriesTwoOfItsTags() throws Exception {
        String group = create("/api/v1/tag-groups", "{\"name\":\"Stage\",\"color\":\"#0EA5E9\"}");
        UUID lead = id(create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"Lead\"}"));
        UUID won = id(create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"Won\"}"));
        UUID contact = TestOrgs.insertContact(jdbc, org, "Zhang San");
        TestOrgs.tag(jdbc, org, contact, lead, won);

        mvc.perform(json(patch("/api/v1/tag-groups/" + group), org.adminToken(), "{\"exclusive\":true}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("/problems/tag-group-not-exclusive"))
                .andExpect(jsonPath("$.detail", containsString("1 contact")));

        String exclusive = create("/api/v1/tag-groups", "{\"name\":\"Tier\",\"color\":\"#0EA5E9\",\"exclusive\":true}");
        UUID gold = id(create("/api/v1/tag-groups/" + exclusive + "/tags", "{\"name\":\"Gold\"}"));
        TestOrgs.tag(jdbc, org, contact, gold);
        mvc.perform(json(patch("/api/v1/tags/" + lead), org.adminToken(), "{\"groupId\":\"" + exclusive + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", containsString("Tier")));

        jdbc.sql("DELETE FROM contact_tag WHERE org_id = ? AND tag_id = ?")
                .params(org.id(), won)
                .update();
        mvc.perform(json(patch("/api/v1/tag-groups/" + group), org.adminToken(), "{\"exclusive\":true}"))
                .andExpect(status().isOk());
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() throws Exception {
        String group = create("/api/v1/tag-groups", "{\"name\":\"Mood\",\"color\":\"#111111\"}");
        String tag = create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"Happy\"}");
        mvc.perform(json(patch("/api/v1/tag-groups/" + group), org.adminToken(), "{\"name\":\"A\"}"))
                .andExpect(status().isOk());
        mvc.perform(json(patch("/api/v1/tag-groups/" + group), org.adminToken(), "{\"name\":\"B\"}")
                        .header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("/problems/stale-version"));
        mvc.perform(as(delete("/api/v1/tag-groups/" + group), org.adminToken()).header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(json(patch("/api/v1/tags/" + tag), org.adminToken(), "{\"name\":\"Sad\"}")
                        .header("If-Match", "\"7\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as(get("/api/v1/tag-groups/" + group), org.adminToken()))
                .andExpect(jsonPath("$.name").value("A"))
                .andExpect(jsonPath("$.tags[0].name").value("Happy"));
    }

    @Test
    void membersReadTagsButOnlyAdministratorsChangeThem() throws Exception {
        String group = create("/api/v1/tag-groups", "{\"name\":\"Region\",\"color\":\"#123456\"}");
        String tag = create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"North\"}");
        for (String role : new String[] {"MEMBER", "MANAGER"}) {
            String token = orgs.newMember(org, role).token();
            mvc.perform(as(get("/api/v1/tag-groups"), token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].name", hasItem("Region")))
                    .andExpect(jsonPath("$.items[0].tags[0].contactCount").doesNotExist());
            mvc.perform(json(post("/api/v1/tag-groups"), token, "{\"name\":\"Mine\",\"color\":\"#123456\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("/problems/forbidden"));
            mvc.perform(json(patch("/api/v1/tag-groups/" + group), token, "{\"name\":\"X\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(as(delete("/api/v1/tag-groups/" + group), token)).andExpect(status().isForbidden());
            mvc.perform(json(post("/api/v1/tag-groups/" + group + "/tags"), token, "{\"name\":\"Y\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(json(patch("/api/v1/tags/" + tag), token, "{\"name\":\"X\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(as(delete("/api/v1/tags/" + tag), token)).andExpect(status().isForbidden());
        }
        mvc.perform(as(get("/api/v1/tags/" + tag), org.adminToken()))
                .andExpect(jsonPath("$.name").value("North"));
    }

    @Test
    void anotherOrganizationsGroupsAndTagsDoNotExist() throws Exception {
        TestOrgs.Org other = orgs.newOrg("en");
        String group = create("/api/v1/tag-groups", "{\"name\":\"Secret\",\"color\":\"#123456\"}");
        String tag = create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"Hidden\"}");
        String token = other.adminToken();

        mvc.perform(as(get("/api/v1/tag-groups/" + group), token)).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/tags/" + tag), token)).andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/tag-groups/" + group), token, "{\"name\":\"Mine\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/tags/" + tag), token, "{\"name\":\"Mine\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/tag-groups/" + group + "/tags"), token, "{\"name\":\"Mine\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(delete("/api/v1/tags/" + tag), token)).andExpect(status().isNotFound());
        mvc.perform(as(delete("/api/v1/tag-groups/" + group), token)).andExpect(status().isNotFound());
        String theirs = JsonPath.read(
                mvc.perform(as(get("/api/v1/tag-groups"), token))
                        .andExpect(jsonPath("$.items[*].name", not(hasItem("Secret"))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.items[0].id");
        mvc.perform(json(patch("/api/v1/tags/" + tag), org.adminToken(), "{\"groupId\":\"" + theirs + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("groupId"));

        mvc.perform(as(get("/api/v1/tag-groups/" + group), org.adminToken()))
                .andExpect(jsonPath("$.name").value("Secret"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.tags[0].name").value("Hidden"));
    }

    @Test
    void anOrganizationHasAtMost3000Tags() throws Exception {
        String group = create("/api/v1/tag-groups", "{\"name\":\"Bulk\",\"color\":\"#123456\"}");
        int existing = jdbc.sql("SELECT count(*) FROM tag WHERE org_id = ?")
                .param(org.id())
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        INSERT INTO tag (id, org_id, group_id, name, sort_order)
                        SELECT gen_random_uuid(), ?, ?, 'bulk ' || n, n FROM generate_series(1, ?) AS n
                        """)
                .params(org.id(), UUID.fromString(group), TagService.MAX_TAGS - existing - 1)
                .update();
        create("/api/v1/tag-groups/" + group + "/tags", "{\"name\":\"Last one\"}");
        mvc.perform(json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"Too many\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("/problems/tag-limit"))
                .andExpect(jsonPath("$.detail", containsString("3000")));
    }

    String create(String path, String body) throws Exception {
        String response = mvc.perform(json(post(path), org.adminToken(), body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(response, "$.id");
    }

    static UUID id(String id) {
        return UUID.fromString(id);
    }
}
