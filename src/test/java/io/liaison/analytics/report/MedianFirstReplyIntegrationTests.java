package io.liaison.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.analytics.ReportWorld;
import io.liaison.identity.Api;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The median first reply of a period is kept for the members a report covers and read while the
 * period's questions stay as they were: a late answer, a removed question or a change of departments
 * gives the exact median again, by day and by week, for each viewer. Questions are written here
 * directly, as the listeners keep them.
 */
@LiaisonIntegrationTest
class MedianFirstReplyIntegrationTests {

    static final LocalDate MONDAY = LocalDate.parse("2026-11-02");
    static final String MEDIAN = "replies.first-reply-minutes";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    ReportWorld world;

    @BeforeEach
    void setUp() throws Exception {
        world = new ReportWorld(mvc);
    }

    @Test
    void aKeptMedianIsReadUntilItsPeriodsQuestionsChange() throws Exception {
        answered(world.eastMember, MONDAY, 60, 120, 600);
        answered(world.supportMember, MONDAY.plusDays(1), 300);
        String days = MEDIAN + "?from=2026-11-02&to=2026-11-03";
        assertThat(values(days)).containsExactly("2.0", "5.0");

        keep(MONDAY, "99");
        assertThat(values(days)).as("the kept median is what is read").containsExactly("99.0", "5.0");

        keep(MONDAY.plusDays(1), "77");
        answered(world.eastMember, MONDAY, 30);
        assertThat(values(days))
                .as("a late answer on Monday: Monday's median again (30, 60, 120, 600 s), Tuesday's kept")
                .containsExactly("1.5", "77.0");

        jdbc.sql(
                        "DELETE FROM analytics_reply WHERE org_id = ? AND day = ? AND answered_at - asked_at < interval '1 minute'")
                .params(uuid(world.org.id()), MONDAY)
                .update();
        unanswered(world.eastMember, MONDAY);
        assertThat(values(days))
                .as("a question gone, an unanswered one not counted")
                .containsExactly("2.0", "77.0");

        assertThat(values(MEDIAN + "?from=2026-11-02&to=2026-11-08&groupBy=week"))
                .as("the week's questions: 60, 120, 300, 600 s")
                .containsExactly("3.5");
        answered(world.supportMember, MONDAY.plusDays(6), 6000);
        assertThat(values(MEDIAN + "?from=2026-11-02&to=2026-11-08&groupBy=week"))
                .as("Sunday's answer moves the week's median")
                .containsExactly("5.0");
    }

    @Test
    void eachViewerReadsTheMedianOfTheMembersTheyCoverAndFollowsAChangeOfDepartments() throws Exception {
        answered(world.eastMember, MONDAY, 60, 120, 600);
        answered(world.manager, MONDAY, 900);
        answered(world.supportMember, MONDAY, 30);
        String day = MEDIAN + "?from=2026-11-02&to=2026-11-02";

        assertThat(values(world.org.adminToken(), day)).containsExactly("2.0");
        assertThat(values(world.manager.token(), day))
                .as("the sales tree: 60, 120, 600, 900 s")
                .containsExactly("6.0");
        assertThat(values(world.eastMember.token(), day)).containsExactly("2.0");
        assertThat(values(world.supportMember.token(), day)).containsExactly("0.5");
        assertThat(values(world.org.adminToken(), day + "&deptId=" + world.support))
                .containsExactly("0.5");
        assertThat(values(world.org.adminToken(), day + "&memberId=" + world.manager.id()))
                .containsExactly("15.0");

        jdbc.sql("UPDATE member_department SET department_id = ? WHERE org_id = ? AND member_id = ?")
                .params(uuid(world.support), uuid(world.org.id()), uuid(world.eastMember.id()))
                .update();
        assertThat(values(world.manager.token(), day))
                .as("the east member left the sales tree")
                .containsExactly("15.0");
        assertThat(values(world.org.adminToken(), day + "&deptId=" + world.support))
                .as("and joined support: 30, 60, 120, 600 s")
                .containsExactly("1.5");
        assertThat(values(world.org.adminToken(), day)).containsExactly("2.0");
    }

    @Test
    void keptMediansAreComputedAgainAfterThirtyDays() throws Exception {
        answered(world.eastMember, MONDAY, 60, 120, 600);
        String day = MEDIAN + "?from=2026-11-02&to=2026-11-02";
        assertThat(values(day)).containsExactly("2.0");
        keep(MONDAY, "99");
        jdbc.sql("UPDATE analytics_median SET computed_at = now() - interval '31 days' WHERE org_id = ?")
                .param(uuid(world.org.id()))
                .update();

        assertThat(context.getBean(MedianCleanup.class).clean()).isPositive();

        assertThat(jdbc.sql("SELECT count(*) FROM analytics_median WHERE org_id = ?")
                        .param(uuid(world.org.id()))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(values(day)).containsExactly("2.0");
    }

    /** Questions asked on {@code day} in a group the member owns, answered after these many seconds. */
    private void answered(Api.Person owner, LocalDate day, int... seconds) {
        Instant asked = day.atTime(2, 0).toInstant(ZoneOffset.UTC);
        for (int wait : seconds) {
            jdbc.sql("""
                            INSERT INTO analytics_reply (org_id, conversation_id, question_id, day, owner_id, asked_at,
                                                         answered_at, answered_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            uuid(world.org.id()),
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            day,
                            uuid(owner.id()),
                            java.sql.Timestamp.from(asked),
                            java.sql.Timestamp.from(asked.plusSeconds(wait)),
                            uuid(owner.id()))
                    .update();
        }
    }

    private void unanswered(Api.Person owner, LocalDate day) {
        jdbc.sql("""
                        INSERT INTO analytics_reply (org_id, conversation_id, question_id, day, owner_id, asked_at)
                        VALUES (?, ?, ?, ?, ?, now())""")
                .params(uuid(world.org.id()), UUID.randomUUID(), UUID.randomUUID(), day, uuid(owner.id()))
                .update();
    }

    /** Sets the day's kept medians of every viewer, as if they had been computed so. */
    private void keep(LocalDate day, String minutes) {
        assertThat(jdbc.sql(
                                "UPDATE analytics_median SET minutes = ?::numeric WHERE org_id = ? AND unit = 'day' AND period = ?")
                        .params(minutes, uuid(world.org.id()), day)
                        .update())
                .isPositive();
    }

    private List<String> values(String query) throws Exception {
        return values(world.org.adminToken(), query);
    }

    private List<String> values(String token, String query) throws Exception {
        return world.values(token, query);
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
