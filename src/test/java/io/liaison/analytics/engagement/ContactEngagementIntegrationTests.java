package io.liaison.analytics.engagement;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The engagement of a contact, read from its daily figures (inserted here as the analytics listeners
 * would keep them): the score and the weekly trend from known rows, days counted in the organization's
 * zone, the latest contact with what it was, the empty state, and 404 for a contact the caller does not
 * see, in another organization or in the trash, through the API and the contact page's card alike.
 */
@LiaisonIntegrationTest
class ContactEngagementIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberService members;

    @Autowired
    EngagementRepository figures;

    @Autowired
    ContactAccess access;

    @Test
    void theScoreAndTheTrendFollowTheContactsDays() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String contact = contact(api, org.adminToken(), "张伟");
        ZoneId zone = zoneOf(org);
        LocalDate today = Instant.now().atZone(zone).toLocalDate();
        day(org, contact, today, 1, 0, 0);
        day(org, contact, today.minusDays(3), 0, 1, 0);
        day(org, contact, today.minusDays(30), 0, 2, 0);
        day(org, contact, today.minusDays(60), 1, 0, 5);
        day(org, contact, today.minusDays(100), 3, 0, 0);
        OffsetDateTime lastAt = today.atTime(LocalTime.of(0, 15)).atZone(zone).toOffsetDateTime();
        lastContacted(contact, lastAt);

        String answer = api.answer(Api.as(get("/api/v1/contacts/" + contact + "/engagement"), org.adminToken()), 200);

        // 10 today + 3 three days ago at 0.5^(3/30) + 6 a month ago at half + 20 two months ago at a quarter
        assertThat(JsonPath.<Integer>read(answer, "$.score")).isEqualTo(21);
        assertThat(JsonPath.<String>read(answer, "$.direction"))
                .as("13 points in the last 30 days against 6 in the 30 before")
                .isEqualTo("rising");
        assertThat(Instant.parse(JsonPath.read(answer, "$.lastActivityAt"))).isEqualTo(lastAt.toInstant());
        assertThat(JsonPath.<String>read(answer, "$.lastActivityKind")).isEqualTo("follow-up");
        List<String> weeks = JsonPath.read(answer, "$.trend[*].week");
        assertThat(weeks).hasSize(13).first().isEqualTo(today.minusDays(90).toString());
        assertThat(weeks).last().isEqualTo(today.minusDays(6).toString());
        List<Integer> scores = JsonPath.read(answer, "$.trend[*].score");
        List<Integer> expected = new ArrayList<>(Collections.nCopies(13, 0));
        expected.set(12, 71); // 13 points this week, were every week like it
        expected.set(8, 33); // the week 28 to 34 days ago: 6 points
        expected.set(4, 100); // 20 points, which every week would make more than 100
        assertThat(scores).isEqualTo(expected);

        String card = card(org.adminId(), contact, "zh-CN", 200);
        assertThat(card)
                .contains("互动", "活跃度", ">21<", "今天", "记录了一条跟进。", "比前 30 天上升", "以表格查看")
                .contains("<svg", "<polyline")
                .doesNotContain("近 90 天没有联系");
        assertThat(card(org.adminId(), contact, "en", 200))
                .contains("Engagement", "Activity score", "today", "A follow-up was recorded.")
                .contains("Rising compared to the previous 30 days");
    }

    @Test
    void daysAreTheOrganizationsDays() throws Exception {
        // Zones whose date is another than the server's (UTC) or China's at this moment. From 16:00 UTC
        // to midnight no zone's date differs from both (China is already on tomorrow, no zone on
        // yesterday), so the score is checked in the zone furthest ahead and the one furthest behind:
        // together they tell a fallback to either apart at any hour.
        Instant now = Instant.now();
        List<ZoneId> zones = List.of(ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"));
        List<LocalDate> todays =
                zones.stream().map(zone -> now.atZone(zone).toLocalDate()).toList();
        assertThat(todays)
                .anyMatch(day -> !day.equals(now.atZone(ZoneOffset.UTC).toLocalDate()));
        assertThat(todays)
                .anyMatch(day ->
                        !day.equals(now.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate()));
        for (ZoneId zone : zones) {
            scoreCountsTheDaysOf(zone, now.atZone(zone).toLocalDate());
        }
    }

    private void scoreCountsTheDaysOf(ZoneId zone, LocalDate today) throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        jdbc.sql("UPDATE organization SET time_zone = ? WHERE id = ?::uuid")
                .params(zone.getId(), org.id())
                .update();
        String contact = contact(api, org.adminToken(), "Kiri Contact");
        day(org, contact, today, 1, 0, 0);
        day(org, contact, today.minusDays(90), 1, 0, 0);
        day(org, contact, today.minusDays(91), 5, 0, 0);
        lastContacted(contact, today.atTime(LocalTime.NOON).atZone(zone).toOffsetDateTime());

        String answer = api.answer(Api.as(get("/api/v1/contacts/" + contact + "/engagement"), org.adminToken()), 200);

        assertThat(JsonPath.<Integer>read(answer, "$.score"))
                .as(zone + ": 10 points today in full, 10 on the oldest of the 91 days at an eighth, none before")
                .isEqualTo(11);
        assertThat(JsonPath.<List<String>>read(answer, "$.trend[*].week"))
                .first()
                .isEqualTo(today.minusDays(90).toString());
        assertThat(JsonPath.<String>read(answer, "$.lastActivityKind")).isEqualTo("follow-up");
    }

    @Test
    void aContactWithoutActivityShowsTheNextStepAndAnOldContactStillShows() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String quiet = contact(api, org.adminToken(), "新客户");
        String answer = api.answer(Api.as(get("/api/v1/contacts/" + quiet + "/engagement"), org.adminToken()), 200);
        assertThat(JsonPath.<Object>read(answer, "$.lastActivityAt")).isNull();
        assertThat(JsonPath.<Object>read(answer, "$.lastActivityKind")).isNull();
        assertThat(JsonPath.<Integer>read(answer, "$.score")).isZero();
        assertThat(JsonPath.<List<Integer>>read(answer, "$.trend[*].score"))
                .hasSize(13)
                .containsOnly(0);
        assertThat(JsonPath.<String>read(answer, "$.direction")).isEqualTo("steady");
        assertThat(card(org.adminId(), quiet, "zh-CN", 200)).contains("还没有联系记录").doesNotContain("<svg");
        assertThat(card(org.adminId(), quiet, "en", 200)).contains("No recorded contact yet.");

        String old = contact(api, org.adminToken(), "老客户");
        ZoneId zone = zoneOf(org);
        LocalDate longAgo = Instant.now().atZone(zone).toLocalDate().minusDays(200);
        day(org, old, longAgo, 0, 4, 0);
        lastContacted(old, longAgo.atTime(LocalTime.of(15, 0)).atZone(zone).toOffsetDateTime());
        String oldAnswer = api.answer(Api.as(get("/api/v1/contacts/" + old + "/engagement"), org.adminToken()), 200);
        assertThat(JsonPath.<Integer>read(oldAnswer, "$.score")).isZero();
        assertThat(JsonPath.<String>read(oldAnswer, "$.lastActivityKind"))
                .as("read from the day of the latest contact, outside the 91 days")
                .isEqualTo("message-in");
        assertThat(card(org.adminId(), old, "zh-CN", 200)).contains("200 天前", "联系人发来了消息。", "近 90 天没有联系", "与前 30 天持平");
        assertThat(card(org.adminId(), old, "en", 200)).contains("200 days ago", "The contact wrote a message.");
    }

    @Test
    void onlyAContactTheCallerSeesAndNotInTheTrashHasAnEngagement() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String sales = api.newDepartment(org, "销售部", null);
        String support = api.newDepartment(org, "客服部", null);
        Api.Person owner = api.newMember(org, "MEMBER", sales);
        Api.Person manager = api.newMember(org, "MANAGER", sales);
        Api.Person stranger = api.newMember(org, "MEMBER", support);
        String contact = contact(api, owner.token(), "销售的客户");
        day(org, contact, Instant.now().atZone(zoneOf(org)).toLocalDate(), 2, 0, 0);
        String url = "/api/v1/contacts/" + contact + "/engagement";

        assertThat(JsonPath.<Integer>read(api.answer(Api.as(get(url), owner.token()), 200), "$.score"))
                .isEqualTo(20);
        assertThat(JsonPath.<Integer>read(api.answer(Api.as(get(url), manager.token()), 200), "$.score"))
                .isEqualTo(20);
        assertThat(api.answer(Api.as(get(url), stranger.token()), 404)).contains("contact-not-found");
        assertThat(card(stranger.id(), contact, "zh-CN", 404)).doesNotContain("活跃度");
        Api.Org other = api.newOrg("zh-CN");
        api.answer(Api.as(get(url), other.adminToken()), 404);
        api.answer(Api.as(get("/api/v1/contacts/" + UUID.randomUUID() + "/engagement"), org.adminToken()), 404);

        api.answer(Api.as(delete("/api/v1/contacts/" + contact), owner.token()), 204);
        api.answer(Api.as(get(url), owner.token()), 404);
        api.answer(Api.as(get(url), org.adminToken()), 404);
        card(owner.id(), contact, "zh-CN", 404);
    }

    @Test
    void theQueryReadsTheNinetyOneDaysAndTheDayOfTheLatestContactOnly() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String contact = contact(api, org.adminToken(), "老朋友");
        ZoneId zone = zoneOf(org);
        LocalDate today = Instant.now().atZone(zone).toLocalDate();
        for (int age = 0; age < 400; age++) {
            day(org, contact, today.minusDays(age), 0, 1, 0);
        }
        lastContacted(
                contact,
                today.minusDays(300).atTime(LocalTime.NOON).atZone(zone).toOffsetDateTime());
        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();

        EngagementRepository.Figures found = figures.find(
                        UUID.fromString(contact), access.visible(admin, "c"), zone, today)
                .orElseThrow();

        assertThat(found.days()).hasSize(92);
        assertThat(found.days().get(0).day()).isEqualTo(today.minusDays(300));
        assertThat(found.days().get(1).day()).isEqualTo(today.minusDays(90));
        assertThat(found.days().get(91).day()).isEqualTo(today);
    }

    private static String contact(Api api, String token, String name) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), token, "{\"name\":\"" + name + "\"}"));
    }

    private ZoneId zoneOf(Api.Org org) {
        return ZoneId.of(jdbc.sql("SELECT time_zone FROM organization WHERE id = ?::uuid")
                .param(org.id())
                .query(String.class)
                .single());
    }

    /**
     * The contact's figures of one day, as the analytics listeners keep them (over the row of the day it
     * was created, which they have kept already).
     */
    private void day(Api.Org org, String contact, LocalDate day, int followUps, int messagesIn, int messagesOut) {
        jdbc.sql("""
                        INSERT INTO analytics_contact_day
                               (org_id, contact_id, day, owner_id, follow_ups, messages_in, messages_out)
                        SELECT c.org_id, c.id, ?, c.owner_id, ?, ?, ? FROM contact c
                         WHERE c.org_id = ?::uuid AND c.id = ?::uuid
                        ON CONFLICT (org_id, contact_id, day) DO UPDATE SET follow_ups = EXCLUDED.follow_ups,
                               messages_in = EXCLUDED.messages_in, messages_out = EXCLUDED.messages_out
                        """)
                .params(day, followUps, messagesIn, messagesOut, org.id(), contact)
                .update();
    }

    private void lastContacted(String contact, OffsetDateTime at) {
        jdbc.sql("UPDATE contact SET last_contacted_at = ? WHERE id = ?::uuid")
                .params(at, contact)
                .update();
    }

    /** The contact page's engagement card as htmx loads it, for the member {@code memberId}. */
    private String card(String memberId, String contact, String language, int status) throws Exception {
        Actor actor = members.actor(UUID.fromString(memberId)).orElseThrow();
        var response = mvc.perform(get("/contacts/" + contact + "/engagement")
                        .header("HX-Request", "true")
                        .header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }
}
