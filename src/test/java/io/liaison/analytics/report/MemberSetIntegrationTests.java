package io.liaison.analytics.report;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.analytics.FiguresRebuild;
import io.liaison.analytics.Metric;
import io.liaison.analytics.figures.MemberSets;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A manager's trends and tags chart read the figures kept for the members of their tree as one set:
 * the tags answer as counting the contacts' days does and move with the next follow-up; a change of
 * departments covers other members; past the most sets an organization keeps, the rows by member
 * answer; and a set nobody read for 30 days goes with its figures.
 */
@LiaisonIntegrationTest
class MemberSetIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    Reports reports;

    @Autowired
    FigureRepository figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberSets sets;

    @Autowired
    FiguresRebuild rebuild;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aManagersTagsComeFromTheSetOfTheirTreeAndFollowItsChanges() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        UUID orgId = UUID.fromString(org.id());
        String sales = api.newDepartment(org, "销售部", null);
        String east = api.newDepartment(org, "华东组", sales);
        Api.Person manager = api.newMember(org, "MANAGER", sales);
        Api.Person ann = api.newMember(org, "MEMBER", east);
        Api.Person bob = api.newMember(org, "MEMBER", east);
        String group = api.createdId(
                json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"行业\",\"color\":\"#1E88E5\"}"));
        String retail = api.createdId(
                json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"零售\"}"));
        String annsContact = LastActivityIntegrationTests.contact(api, ann, "甲", retail);
        String bobsContact = LastActivityIntegrationTests.contact(api, bob, "乙", retail);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LastActivityIntegrationTests.followUp(api, org, annsContact, today.minusDays(3));
        ReportFilter month = new ReportFilter(today.minusDays(29), today, GroupBy.DAY, null, null, null);

        Actor boss = members.actor(UUID.fromString(manager.id())).orElseThrow();
        assertThat(reports.byTag(boss, month, 10))
                .as("甲 active and both new, read from the set of the manager, Ann and Bob")
                .containsExactly(new Reports.Ranked(retail, "零售", 1, 2));
        assertThat(newToday(boss, month))
                .as("Ann's and Bob's new contacts, from the set")
                .isEqualTo(2);
        assertThat(sets(orgId)).containsExactly(figures.covered(boss, month).scope());
        assertThat(figures.covered(boss, month).members()).hasSize(3);

        LastActivityIntegrationTests.followUp(api, org, bobsContact, today.minusDays(1));
        assertThat(reports.byTag(boss, month, 10))
                .as("the triggers add Bob's follow-up to the kept set")
                .containsExactly(new Reports.Ranked(retail, "零售", 2, 2));

        api.answer(json(patch("/api/v1/members/" + bob.id()), org.adminToken(), "{\"departmentIds\":[]}"), 200);
        boss = members.actor(UUID.fromString(manager.id())).orElseThrow();
        assertThat(reports.byTag(boss, month, 10))
                .as("Bob left the tree: another set, without his contact")
                .containsExactly(new Reports.Ranked(retail, "零售", 1, 1));
        assertThat(sets(orgId)).hasSize(2);
        assertThat(newToday(boss, month)).as("only Ann's, from the new set").isEqualTo(1);
        for (int back : List.of(0, 2, 3, 10)) {
            ReportFilter f = new ReportFilter(today.minusDays(back), today, GroupBy.DAY, null, null, null);
            Actor viewer = boss;
            List<FigureRepository.Count> kept = transaction.execute(status -> figures.tagsKept(viewer, f, 10));
            assertThat(kept).as("the set's counts from %d days back", back).isEqualTo(figures.tagsCounted(boss, f, 10));
        }

        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        ReportFilter eastOnly =
                new ReportFilter(today.minusDays(29), today, GroupBy.DAY, null, UUID.fromString(east), null);
        jdbc.sql("""
                        INSERT INTO analytics_member_set (org_id, scope)
                        SELECT ?, md5(n::text) FROM generate_series(1, ?) n""")
                .params(orgId, MemberSets.MAX_PER_ORGANIZATION - sets(orgId).size())
                .update();
        assertThat(reports.byTag(admin, eastOnly, 10))
                .as("with the most sets kept, a department's tags are read from the rows by member: Ann's 甲")
                .containsExactly(new Reports.Ranked(retail, "零售", 1, 1));
        assertThat(sets(orgId)).hasSize(MemberSets.MAX_PER_ORGANIZATION);

        jdbc.sql("UPDATE analytics_member_set SET read_at = now() - interval '31 days' WHERE org_id = ?"
                        + " AND scope <> ?")
                .params(orgId, figures.covered(boss, month).scope())
                .update();
        assertThat(sets.forgetUnread()).isEqualTo(MemberSets.MAX_PER_ORGANIZATION - 1);
        assertThat(sets(orgId))
                .as("the set read today stays")
                .containsExactly(figures.covered(boss, month).scope());
        assertThat(jdbc.sql("SELECT count(DISTINCT scope) FROM analytics_tag_set_day WHERE org_id = ?")
                        .param(orgId)
                        .query(Long.class)
                        .single())
                .as("the forgotten sets' counts went with them")
                .isEqualTo(1);

        jdbc.sql("UPDATE analytics_tag_total SET created = created + 5 WHERE org_id = ?")
                .param(orgId)
                .update();
        rebuild.rebuild(orgId);
        assertThat(sets(orgId))
                .as("the rebuild forgets the sets, built again on their next view")
                .isEmpty();
        assertThat(reports.byTag(admin, month, 10))
                .as("the rebuild computed the totals by tag again, not moved them: 甲 and 乙 active and new")
                .containsExactly(new Reports.Ranked(retail, "零售", 2, 2));
        assertThat(reports.byTag(boss, month, 10)).containsExactly(new Reports.Ranked(retail, "零售", 1, 1));
    }

    /** Today's new contacts in the viewer's trend. */
    private long newToday(Actor viewer, ReportFilter f) {
        List<Reports.Point> points =
                reports.series(viewer, Figure.of(Metric.NEW_CONTACTS), f).points();
        return points.get(points.size() - 1).value().longValueExact();
    }

    private List<String> sets(UUID orgId) {
        return jdbc.sql("SELECT scope FROM analytics_member_set WHERE org_id = ? ORDER BY read_at, scope")
                .param(orgId)
                .query(String.class)
                .list();
    }
}
