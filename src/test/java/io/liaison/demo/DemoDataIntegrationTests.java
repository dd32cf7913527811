package io.liaison.demo;

import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.shared.Pinyin;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Demo data as a user of the organization would notice it: names, numbers, tags, owners, follow-ups. */
@LiaisonIntegrationTest
class DemoDataIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoData demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoThousandContactsLookReal() throws Exception {
        Api.Org org = new Api(mvc).newOrg();
        UUID orgId = UUID.fromString(org.id());

        DemoData.Result result = demo.generate(orgId, 2000, 42, line -> {});

        assertThat(result.contacts()).isEqualTo(2000);
        assertThat(result.membersCreated()).isEqualTo(OrgSetup.MEMBERS);
        assertThat(count("SELECT count(*) FROM contact WHERE org_id = ?", orgId))
                .isEqualTo(2000);
        assertThat(count(
                        "SELECT count(*) FROM member m JOIN role r ON r.id = m.role_id"
                                + " WHERE m.org_id = ? AND r.builtin = 'MEMBER' AND m.login LIKE 'demo-%'",
                        orgId))
                .isEqualTo(50);
        assertThat(count(
                        "SELECT count(DISTINCT d.name) FROM member_department md JOIN department d ON d.id = md.department_id"
                                + " WHERE md.org_id = ?",
                        orgId))
                .as("departments with members")
                .isEqualTo(5);
        assertThat(count("SELECT count(DISTINCT owner_id) FROM contact WHERE org_id = ?", orgId))
                .as("owners")
                .isGreaterThanOrEqualTo(45);

        mobilesAndEmailsAreValidAndUnique(orgId);
        assertThat(count("SELECT count(*) FROM contact WHERE org_id = ? AND mobile IS NOT NULL", orgId))
                .isGreaterThan(1700);

        List<String> commonest = jdbc.sql("SELECT left(name, 1) FROM contact WHERE org_id = ?"
                        + " GROUP BY 1 ORDER BY count(*) DESC LIMIT 4")
                .param(orgId)
                .query(String.class)
                .list();
        assertThat(commonest).contains("王", "李", "张");
        assertThat(count("SELECT count(*) FROM contact WHERE org_id = ? AND name ~ '^[A-Za-z]'", orgId))
                .as("English names, about 5 %")
                .isBetween(50, 160);

        tagsAreSkewedAndRespectExclusiveGroups(orgId);
        followUpsMatchLastContacted(orgId);
        DemoEventsChecks.check(jdbc, orgId, result);
        searchKeysAreTheApplicationsOwn(orgId, org);

        mvc.perform(as(get("/api/v1/contacts?limit=20"), org.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(20));
        mvc.perform(as(get("/api/v1/contacts/count"), org.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(2000));

        DemoData.Result again = demo.generate(orgId, 500, 42, line -> {});
        assertThat(again.membersCreated()).isZero();
        assertThat(again.tagsCreated()).isZero();
        assertThat(count("SELECT count(*) FROM contact WHERE org_id = ?", orgId))
                .isEqualTo(2500);
        assertThat(count("SELECT count(*) FROM member WHERE org_id = ? AND login LIKE 'demo-%'", orgId))
                .isEqualTo(50);
        mobilesAndEmailsAreValidAndUnique(orgId);
    }

    /** Every contact has name keys ranked by its last contact, as the application writes them. */
    private void searchKeysAreTheApplicationsOwn(UUID orgId, Api.Org org) throws Exception {
        assertThat(count(
                        "SELECT count(*) FROM contact c WHERE c.org_id = ?"
                                + " AND NOT EXISTS (SELECT 1 FROM contact_search k WHERE k.contact_id = c.id)",
                        orgId))
                .as("contacts without name search keys")
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM contact_search k JOIN contact c ON c.id = k.contact_id"
                                + " WHERE c.org_id = ? AND (k.recency <> contact_recency(c.last_contacted_at)"
                                + " OR k.owner_id <> c.owner_id)",
                        orgId))
                .as("keys whose rank or owner differ from their contact's")
                .isZero();
        String name = jdbc.sql("SELECT name FROM contact WHERE org_id = ? AND name ~ '^[一-龥]{3}$' ORDER BY id LIMIT 1")
                .param(orgId)
                .query(String.class)
                .single();
        String initials = Pinyin.initials(name).get(0);
        mvc.perform(as(get("/api/v1/contacts").param("q", initials).param("limit", "100"), org.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", hasItem(name)));
    }

    private void mobilesAndEmailsAreValidAndUnique(UUID orgId) {
        assertThat(count(
                        "SELECT count(*) FROM contact WHERE org_id = ? AND mobile IS NOT NULL AND mobile !~ '^\\+861[3-9][0-9]{9}$'",
                        orgId))
                .as("mobiles that are not Chinese mobiles in E.164")
                .isZero();
        assertThat(count(
                        "SELECT count(*) - count(DISTINCT mobile) FROM contact WHERE org_id = ? AND mobile IS NOT NULL",
                        orgId))
                .as("duplicate mobiles")
                .isZero();
        assertThat(count("SELECT count(*) - count(DISTINCT address) FROM contact_email WHERE org_id = ?", orgId))
                .as("duplicate e-mails")
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM contact_email WHERE org_id = ? AND (address <> lower(address) OR address !~ '^[a-z0-9.]+@[a-z.]+$')",
                        orgId))
                .as("e-mails not in lower case or malformed")
                .isZero();
        assertThat(count("SELECT count(*) FROM contact_email WHERE org_id = ?", orgId))
                .isPositive();
    }

    private void tagsAreSkewedAndRespectExclusiveGroups(UUID orgId) {
        List<Integer> uses = jdbc.sql(
                        "SELECT count(*)::int FROM contact_tag WHERE org_id = ? GROUP BY tag_id ORDER BY 1 DESC")
                .param(orgId)
                .query(Integer.class)
                .list();
        assertThat(uses).as("tags in use").hasSizeGreaterThanOrEqualTo(20);
        assertThat(uses.get(0)).as("the most used tag against the median").isGreaterThan(5 * uses.get(uses.size() / 2));
        assertThat(count("SELECT count(DISTINCT group_id) FROM tag WHERE org_id = ?", orgId))
                .as("tag groups")
                .isGreaterThanOrEqualTo(5);
        assertThat(count("""
                        SELECT count(*) FROM (
                            SELECT ct.contact_id, t.group_id FROM contact_tag ct
                              JOIN tag t ON t.id = ct.tag_id JOIN tag_group g ON g.id = t.group_id
                             WHERE ct.org_id = ? AND g.exclusive
                             GROUP BY 1, 2 HAVING count(*) > 1) twice
                        """, orgId))
                .as("contacts with two tags of an exclusive group")
                .isZero();
        assertThat(count("""
                        SELECT count(*) FROM contact c
                         WHERE c.org_id = ? AND c.tag_ids IS DISTINCT FROM ARRAY(
                               SELECT t.tag_id FROM contact_tag t WHERE t.contact_id = c.id ORDER BY t.tag_id)
                        """, orgId))
                .as("contacts whose tag array differs from their tags")
                .isZero();
    }

    private void followUpsMatchLastContacted(UUID orgId) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE f.last IS NOT NULL) AS followed,
                               count(*) FILTER (WHERE c.last_contacted_at IS DISTINCT FROM
                                                      greatest(f.last, c.last_activity_at)) AS mismatched,
                               count(*) FILTER (WHERE c.updated_at < coalesce(f.last, c.created_at)) AS stale
                          FROM contact c
                          LEFT JOIN (SELECT contact_id, max(occurred_at) AS last FROM follow_up
                                      WHERE org_id = ? GROUP BY contact_id) f ON f.contact_id = c.id
                         WHERE c.org_id = ?
                        """).params(orgId, orgId).query().singleRow();
        assertThat(((Number) row.get("followed")).intValue())
                .as("contacts with follow-ups")
                .isBetween(500, 900);
        assertThat(((Number) row.get("mismatched")).intValue())
                .as("last_contacted_at off")
                .isZero();
        assertThat(((Number) row.get("stale")).intValue())
                .as("updated_at before last change")
                .isZero();
    }

    private int count(String sql, UUID orgId) {
        return jdbc.sql(sql).param(orgId).query(Integer.class).single();
    }
}
