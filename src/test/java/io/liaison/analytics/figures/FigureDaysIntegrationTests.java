package io.liaison.analytics.figures;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Figures count by the organization's days: in Asia/Shanghai (UTC+8) a day ends at 16:00 UTC, so a
 * call at 15:59:59Z and one at 16:00:00Z fall on two days; in UTC they fall on one, and in
 * America/New_York the day ends at 05:00 UTC in winter. Another time zone moves the kept figures.
 */
@LiaisonIntegrationTest
class FigureDaysIntegrationTests {

    private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
    private static final LocalDate MARCH_2 = LocalDate.parse("2026-03-02");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shanghaiDaysEndAtFourPmUtc() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String contact = contact(api, org, "王小明");
        followUp(api, org, contact, "2026-03-01T15:59:59Z");
        followUp(api, org, contact, "2026-03-01T16:00:00Z");

        assertThat(calls(org)).containsExactly(entry(MARCH_1, 1L), entry(MARCH_2, 1L));
        assertThat(contactFollowUps(org, contact)).containsExactly(entry(MARCH_1, 1L), entry(MARCH_2, 1L));
    }

    @Test
    void utcKeepsBothOnOneDayUntilTheOrganizationMovesToShanghai() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        String contact = contact(api, org, "Ann Lee");
        followUp(api, org, contact, "2026-03-01T15:59:59Z");
        followUp(api, org, contact, "2026-03-01T16:00:00Z");
        assertThat(calls(org)).as("UTC").containsExactly(entry(MARCH_1, 2L));
        assertThat(contactFollowUps(org, contact)).containsExactly(entry(MARCH_1, 2L));

        api.answer(json(patch("/api/v1/organization"), org.adminToken(), "{\"timeZone\":\"Asia/Shanghai\"}"), 200);

        assertThat(calls(org)).as("Asia/Shanghai").containsExactly(entry(MARCH_1, 1L), entry(MARCH_2, 1L));
        assertThat(contactFollowUps(org, contact)).containsExactly(entry(MARCH_1, 1L), entry(MARCH_2, 1L));
    }

    @Test
    void newYorkDaysEndAtFiveAmUtcInWinter() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        api.answer(json(patch("/api/v1/organization"), org.adminToken(), "{\"timeZone\":\"America/New_York\"}"), 200);
        String contact = contact(api, org, "Bo Chen");
        followUp(api, org, contact, "2026-03-01T15:59:59Z");
        followUp(api, org, contact, "2026-03-01T16:00:00Z");
        followUp(api, org, contact, "2026-03-02T04:59:59Z");
        followUp(api, org, contact, "2026-03-02T05:00:00Z");

        assertThat(calls(org)).containsExactly(entry(MARCH_1, 3L), entry(MARCH_2, 1L));
    }

    private String contact(Api api, Api.Org org, String name) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"" + name + "\"}"));
    }

    private void followUp(Api api, Api.Org org, String contact, String at) throws Exception {
        api.answer(json(post("/api/v1/contacts/" + contact + "/follow-ups"), org.adminToken(), """
                {"type":"call","content":"电话沟通","occurredAt":"%s"}
                """.formatted(at)), 201);
    }

    /** The administrator's calls by day. */
    private Map<LocalDate, Long> calls(Api.Org org) {
        Map<LocalDate, Long> days = new TreeMap<>();
        jdbc.sql("""
                        SELECT day, value FROM analytics_member_day
                         WHERE org_id = ?::uuid AND metric = 'follow-ups.call' AND member_id = ?::uuid
                        """)
                .params(org.id(), org.adminId())
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
        return days;
    }

    private Map<LocalDate, Long> contactFollowUps(Api.Org org, String contact) {
        Map<LocalDate, Long> days = new TreeMap<>();
        jdbc.sql("""
                        SELECT day, follow_ups FROM analytics_contact_day
                         WHERE org_id = ?::uuid AND contact_id = ? AND follow_ups > 0
                        """)
                .params(org.id(), UUID.fromString(contact))
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
        return days;
    }
}
