package io.liaison.analytics.figures;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /api/v1/analytics/rebuild}: administrators recompute their organization's figures and
 * read what each table holds and how the kept rows differed; others are refused in their language.
 */
@LiaisonIntegrationTest
class FiguresRebuildApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void membersAreRefusedInTheirLanguage() throws Exception {
        Api api = new Api(mvc);
        Api.Person zh = api.newMember(api.newOrg("zh-CN"), "MANAGER");
        Api.Person en = api.newMember(api.newOrg("en"), "MANAGER");

        assertThat(JsonPath.<String>read(
                        api.answer(
                                as(post("/api/v1/analytics/rebuild"), zh.token())
                                        .header("Accept-Language", "zh-CN"),
                                403),
                        "$.detail"))
                .contains("重新计算组织的统计数据");
        assertThat(JsonPath.<String>read(
                        api.answer(
                                as(post("/api/v1/analytics/rebuild"), en.token())
                                        .header("Accept-Language", "en"),
                                403),
                        "$.detail"))
                .contains("recompute the organization's figures");
    }

    @Test
    void theAnswerCountsTheRowsAndTheKeptOnesThatDiffered() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String contact = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"李雷\"}"));
        api.answer(json(post("/api/v1/contacts/" + contact + "/follow-ups"), org.adminToken(), """
                {"type":"visit","content":"上门拜访","occurredAt":"2026-03-01T02:00:00Z"}
                """), 201);
        UUID orgId = UUID.fromString(org.id());
        // One figure lost (the visit) and one that never happened.
        jdbc.sql("DELETE FROM analytics_member_day WHERE org_id = ? AND metric = 'follow-ups.visit'")
                .param(orgId)
                .update();
        jdbc.sql("""
                        INSERT INTO analytics_member_day (org_id, metric, day, member_id, value)
                        VALUES (?, 'push.failed', DATE '2026-02-01', ?::uuid, 3)
                        """).params(orgId, org.adminId()).update();

        String answer = api.answer(as(post("/api/v1/analytics/rebuild"), org.adminToken()), 200);
        assertThat(JsonPath.<Integer>read(answer, "$.differing")).isEqualTo(2);
        assertThat(JsonPath.<List<Integer>>read(answer, "$.tables[?(@.table == 'analytics_member_day')].stale"))
                .containsExactly(1);
        assertThat(JsonPath.<List<Integer>>read(answer, "$.tables[?(@.table == 'analytics_member_day')].missing"))
                .containsExactly(1);
        assertThat(JsonPath.<List<Integer>>read(answer, "$.tables[?(@.table == 'analytics_contact_day')].rows"))
                .as("the day the contact was created and the day of the visit")
                .containsExactly(2);
        assertThat(JsonPath.<Integer>read(answer, "$.rows"))
                .isEqualTo(jdbc.sql("""
                                SELECT (SELECT count(*) FROM analytics_member_day WHERE org_id = ?)
                                     + (SELECT count(*) FROM analytics_contact_day WHERE org_id = ?)
                                     + (SELECT count(*) FROM analytics_contact_last WHERE org_id = ?)
                                """)
                        .params(orgId, orgId, orgId)
                        .query(Integer.class)
                        .single());
        assertThat(jdbc.sql("""
                        SELECT value FROM analytics_member_day
                         WHERE org_id = ? AND metric = 'follow-ups.visit' AND day = DATE '2026-03-01'
                        """).param(orgId).query(Long.class).list())
                .as("the visit counts again, on its Shanghai day")
                .containsExactly(1L);

        String again = api.answer(as(post("/api/v1/analytics/rebuild"), org.adminToken()), 200);
        assertThat(JsonPath.<Integer>read(again, "$.differing"))
                .as("nothing left to put right")
                .isZero();
    }
}
