package io.liaison.analytics.report;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.analytics.Metric;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The member ranking by active contacts and the tags chart read the kept counts by last active day
 * when the range reaches today, and count the contacts' days otherwise: both give the same answer,
 * after follow-ups, a hand-over, a retagging, a trashed contact and a deleted tag.
 */
@LiaisonIntegrationTest
class LastActivityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    FigureRepository figures;

    @Test
    void theKeptCountsByLastActiveDayAnswerAsCountingTheContactsDays() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String group = api.createdId(
                json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"行业\",\"color\":\"#1E88E5\"}"));
        String retail = tag(api, org, group, "零售");
        String health = tag(api, org, group, "医疗");
        String school = tag(api, org, group, "教育");
        String c1 = contact(api, ann, "甲", retail);
        String c2 = contact(api, ann, "乙", retail + "\",\"" + health);
        String c3 = contact(api, bob, "丙", health + "\",\"" + school);
        contact(api, bob, "丁", school);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        followUp(api, org, c1, today.minusDays(10));
        followUp(api, org, c1, today.minusDays(2));
        followUp(api, org, c2, today.minusDays(20));
        followUp(api, org, c3, today.minusDays(5));
        api.answer(json(patch("/api/v1/contacts/" + c3), org.adminToken(), "{\"ownerId\":\"" + ann.id() + "\"}"), 200);
        api.answer(json(patch("/api/v1/contacts/" + c2), org.adminToken(), "{\"tagIds\":[\"" + health + "\"]}"), 200);
        api.answer(as(delete("/api/v1/contacts/" + c1), org.adminToken()), 204);
        api.answer(as(delete("/api/v1/tags/" + school), org.adminToken()), 204);

        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        Actor bobActor = members.actor(UUID.fromString(bob.id())).orElseThrow();
        ReportFilter month = filter(today.minusDays(29), today);
        assertThat(figures.byTag(admin, month, 10))
                .as("kept by last active day: 乙 and 丙 active with 医疗, 甲 (in the trash) with 零售; all new")
                .containsExactly(
                        new FigureRepository.Count(health, "医疗", 2, 2), new FigureRepository.Count(retail, "零售", 1, 1));
        assertThat(ranks(figures.leaders(admin, active(), month, 10)))
                .as("Ann follows 甲, 乙 and 丙 now; Bob's 丁 never had a follow-up")
                .containsExactly(ann.id() + "=3");

        for (Actor actor : List.of(admin, bobActor)) {
            for (int back : List.of(0, 1, 2, 5, 6, 10, 15, 20, 21, 40)) {
                ReportFilter f = filter(today.minusDays(back), today);
                assertThat(figures.tagsKept(actor, f, 10))
                        .as("tags from %d days back", back)
                        .isEqualTo(figures.tagsCounted(actor, f, 10));
                assertThat(figures.leadersBy(actor, Metric.ACTIVE_CONTACTS.code("last"), f, 10))
                        .as("members from %d days back", back)
                        .isEqualTo(figures.leadersCounted(actor, active(), f, 10));
            }
        }
        ReportFilter past = filter(today.minusDays(29), today.minusDays(3));
        assertThat(figures.byTag(admin, past, 10))
                .as("a range ending before the last activity counts the days: 甲's visit 2 days ago is outside")
                .containsExactly(
                        new FigureRepository.Count(health, "医疗", 2, 0), new FigureRepository.Count(retail, "零售", 1, 0));
    }

    private static ReportFilter filter(LocalDate from, LocalDate to) {
        return new ReportFilter(from, to, GroupBy.DAY, null, null, null);
    }

    private static Figure active() {
        return Figure.of(Metric.ACTIVE_CONTACTS);
    }

    private static List<String> ranks(List<FigureRepository.Count> counts) {
        return counts.stream().map(c -> c.key() + "=" + c.first()).toList();
    }

    private static String tag(Api api, Api.Org org, String group, String name) throws Exception {
        return api.createdId(
                json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"" + name + "\"}"));
    }

    /** A contact the member adds with these tags (ids joined by {@code ","}). */
    static String contact(Api api, Api.Person owner, String name, String tagIds) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), owner.token(), """
                {"name":"%s","tagIds":["%s"]}""".formatted(name, tagIds)));
    }

    /** A visit the administrator records about the contact on that day. */
    static void followUp(Api api, Api.Org org, String contact, LocalDate day) throws Exception {
        api.answer(
                json(post("/api/v1/contacts/" + contact + "/follow-ups"), org.adminToken(), """
                {"type":"visit","content":"上门拜访","occurredAt":"%sT04:00:00Z"}
                """.formatted(day)), 201);
    }
}
