package io.liaison.task.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.identity.internal.ActorAuthentication;
import io.liaison.task.event.CalendarEvent;
import io.liaison.task.event.EventDraft;
import io.liaison.task.event.EventService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The calendar page in Chinese and English: the week and the month with the member's events and due
 * tasks at their times in the member's zone; the event form, whose typed times are read in that zone
 * and whose mistakes are shown at their inputs; and the private feed address, made from the page.
 */
@LiaisonIntegrationTest
class CalendarPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventService events;

    @Test
    void theWeekAndTheMonthShowEventsAndTasksInTheMembersZoneInBothLanguages() throws Exception {
        Actor boss = new PageActors(mvc, members, organizations, jdbc).newOrganizationAdmin("Cal", "zh-CN");
        LocalDate today = LocalDate.now(boss.timeZone());
        ZonedDateTime ten = today.atTime(10, 0).atZone(boss.timeZone());
        events.create(
                boss,
                new EventDraft(
                        "拜访华东客户",
                        null,
                        "visit",
                        ten.toInstant(),
                        ten.plusHours(1).toInstant(),
                        null,
                        false,
                        "上海",
                        null,
                        List.of(),
                        List.of(),
                        List.of()));
        task(boss, "给张三回电话", today.atTime(15, 30).atZone(boss.timeZone()).toInstant());

        String week = page(get("/calendar"), boss, "zh-CN", 200).getContentAsString();
        assertThat(week).contains("日历", "拜访华东客户", "10:00–11:00", "给张三回电话", "15:30", "订阅");
        String month = page(get("/calendar?view=month"), boss, "zh-CN", 200).getContentAsString();
        assertThat(month).contains("calendar-month", "拜访华东客户", "给张三回电话", today.getYear() + "年");
        String english = page(get("/calendar?view=month"), boss, "en", 200).getContentAsString();
        assertThat(english).contains("Calendar", "Month", "Subscribe in your calendar app", "拜访华东客户");
    }

    @Test
    void theFormReadsTypedTimesInTheMembersZoneAndShowsMistakesAtTheirInputs() throws Exception {
        Actor boss = new PageActors(mvc, members, organizations, jdbc).newOrganizationAdmin("Form", "en");
        assertThat(page(get("/calendar/events/new?day=2026-12-08"), boss, "en", 200)
                        .getContentAsString())
                .contains("2026-12-08 09:00", "15 minutes before", "Contacts attending");

        MockHttpServletResponse saved = page(
                post("/calendar/events")
                        .param("title", "Quarterly review")
                        .param("kind", "meeting")
                        .param("start", "2026-12-08 09:30")
                        .param("end", "2026-12-08 10:30")
                        .param("memberIds", boss.memberId().toString())
                        .param("reminders", "PT15M"),
                boss,
                "en",
                302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/calendar?day=2026-12-08");
        CalendarEvent made = events.between(
                        boss, Instant.parse("2026-12-08T00:00:00Z"), Instant.parse("2026-12-09T00:00:00Z"))
                .get(0);
        assertThat(made.startAt())
                .isEqualTo(ZonedDateTime.of(2026, 12, 8, 9, 30, 0, 0, boss.timeZone())
                        .toInstant());
        assertThat(made.reminders()).containsExactly("PT15M");

        String refused = page(
                        post("/calendar/events/" + made.id())
                                .param("title", "Quarterly review")
                                .param("start", "2026-12-08 09:30")
                                .param("end", "2026-12-08 08:00")
                                .param("version", "0"),
                        boss,
                        "en",
                        400)
                .getContentAsString();
        assertThat(refused).contains("is-invalid", "must be later than the start");

        page(post("/calendar/events/" + made.id() + "/cancel").param("version", "0"), boss, "en", 302);
        assertThat(events.get(boss, made.id()).cancelled()).isTrue();
    }

    @Test
    void thePrivateFeedAddressIsShownOnceAfterItIsMade() throws Exception {
        Actor boss = new PageActors(mvc, members, organizations, jdbc).newOrganizationAdmin("Feed", "en");
        MvcResult made = mvc.perform(as(post("/calendar/feed"), boss, "en")).andReturn();
        assertThat((String) made.getFlashMap().get("feedUrl")).matches("http://localhost:8080/ics/[\\w-]{43}\\.ics");
        assertThat(page(get("/calendar"), boss, "en", 200).getContentAsString())
                .contains("Your private address is on.", "Turn it off");
    }

    private void task(Actor actor, String title, Instant due) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO task (org_id, id, title, status, due_at, time_zone, created_by)
                        VALUES (?, ?, ?, 'open', ?, ?, ?)
                        """)
                .params(
                        actor.orgId(),
                        id,
                        title,
                        java.sql.Timestamp.from(due),
                        actor.timeZone().getId(),
                        actor.memberId())
                .update();
        jdbc.sql("INSERT INTO task_assignee (org_id, task_id, member_id) VALUES (?, ?, ?)")
                .params(actor.orgId(), id, actor.memberId())
                .update();
    }

    private MockHttpServletResponse page(
            MockHttpServletRequestBuilder request, Actor actor, String language, int status) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(as(request, actor, language)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response;
    }

    private static MockHttpServletRequestBuilder as(
            MockHttpServletRequestBuilder request, Actor actor, String language) {
        return request.header("Accept-Language", language)
                .with(authentication(new ActorAuthentication(actor)))
                .with(csrf());
    }
}
