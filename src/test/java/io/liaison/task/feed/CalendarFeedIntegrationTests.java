package io.liaison.task.feed;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A member's calendar feed: read without a session, valid for ical4j's validator and read back by a
 * second parser (biweekly) with the titles, the times in their zones and the UIDs of the member's
 * events and due tasks, and nothing of what they do not see; a new URL or a revocation makes the old
 * one 404; reading it too often is refused for the minute.
 */
@LiaisonIntegrationTest
class CalendarFeedIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theFeedListsTheMembersEventsAndTasksInTheirZonesAndTheOldUrlDiesOnANewOne() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        Api.Person member = api.newMember(org, "MEMBER");
        Api.Person stranger = api.newMember(org, "MEMBER");
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime meeting = Instant.now()
                .plus(Duration.ofDays(10))
                .atZone(newYork)
                .truncatedTo(ChronoUnit.DAYS)
                .withHour(15);
        String event = api.createdId(json(post("/api/v1/events"), member.token(), """
                {"title":"Supplier call","kind":"call","startAt":"%s","endAt":"%s","timeZone":"America/New_York"}
                """.formatted(
                        meeting.toInstant(), meeting.plusHours(1).toInstant())));
        String cancelled = api.createdId(json(post("/api/v1/events"), member.token(), """
                {"title":"Called off","startAt":"%s","endAt":"%s"}
                """.formatted(
                        meeting.toInstant(), meeting.plusHours(1).toInstant())));
        api.answer(as(delete("/api/v1/events/" + cancelled), member.token()), 204);
        api.createdId(json(post("/api/v1/events"), stranger.token(), """
                {"title":"Not theirs","startAt":"%s","endAt":"%s"}
                """.formatted(
                        meeting.toInstant(), meeting.plusHours(1).toInstant())));
        Instant due = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        String task = api.createdId(json(post("/api/v1/tasks"), member.token(), """
                {"title":"Send the offer","dueAt":"%s","timeZone":"Asia/Shanghai"}
                """.formatted(due)));

        String url = JsonPath.read(api.answer(as(post("/api/v1/me/calendar-feed"), member.token()), 201), "$.url");
        assertThat(url).matches("http://localhost:8080/ics/[A-Za-z0-9_-]{43}\\.ics");
        MockHttpServletResponse read = mvc.perform(get(path(url))).andReturn().getResponse();
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getContentType()).startsWith("text/calendar");
        String ics = read.getContentAsString();

        Calendar checked = new CalendarBuilder().build(new StringReader(ics));
        checked.validate();
        assertThat(checked.<CalendarComponent>getComponents("VTIMEZONE").stream()
                        .map(z -> z.getProperty("TZID").orElseThrow().getValue()))
                .containsExactlyInAnyOrder("America/New_York", "Asia/Shanghai");

        ICalendar second = Biweekly.parse(ics).first();
        Map<String, VEvent> byTitle = second.getEvents().stream()
                .collect(Collectors.toMap(e -> e.getSummary().getValue(), Function.identity()));
        assertThat(byTitle).containsOnlyKeys("Supplier call", "Task: Send the offer");
        VEvent call = byTitle.get("Supplier call");
        assertThat(call.getUid().getValue()).startsWith(event + "@");
        assertThat(call.getDateStart().getValue().toInstant()).isEqualTo(meeting.toInstant());
        assertThat(second.getTimezoneInfo()
                        .getTimezone(call.getDateStart())
                        .getComponent()
                        .getTimezoneId()
                        .getValue())
                .isEqualTo("America/New_York");
        assertThat(call.getDateEnd().getValue().toInstant())
                .isEqualTo(meeting.plusHours(1).toInstant());
        VEvent offer = byTitle.get("Task: Send the offer");
        assertThat(offer.getUid().getValue()).isEqualTo("task-" + task + "@localhost");
        assertThat(offer.getDateStart().getValue().toInstant()).isEqualTo(due);
        assertThat(second.getTimezoneInfo()
                        .getTimezone(offer.getDateStart())
                        .getComponent()
                        .getTimezoneId()
                        .getValue())
                .isEqualTo("Asia/Shanghai");

        String renewed = JsonPath.read(api.answer(as(post("/api/v1/me/calendar-feed"), member.token()), 201), "$.url");
        assertThat(mvc.perform(get(path(url))).andReturn().getResponse().getStatus())
                .as("the old URL")
                .isEqualTo(404);
        assertThat(mvc.perform(get(path(renewed))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        api.answer(as(delete("/api/v1/me/calendar-feed"), member.token()), 204);
        assertThat(mvc.perform(get(path(renewed))).andReturn().getResponse().getStatus())
                .as("revoked")
                .isEqualTo(404);
    }

    @Test
    void aFeedReadTooOftenIsRefusedForTheMinute() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person member = api.newMember(org, "MEMBER");
        String url =
                path(JsonPath.read(api.answer(as(post("/api/v1/me/calendar-feed"), member.token()), 201), "$.url"));
        int second = Instant.now().atZone(ZoneId.of("UTC")).getSecond();
        if (second > 40) {
            // all the reads in one minute of the database's clock
            Thread.sleep((61 - second) * 1000L);
        }
        for (int i = 0; i < CalendarFeeds.MAX_READS_PER_MINUTE; i++) {
            MockHttpServletResponse ok = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(ok.getStatus()).isEqualTo(200);
            assertThat(ok.getContentAsString()).contains("X-WR-CALNAME:Liaison：");
        }
        MockHttpServletResponse refused = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(mvc.perform(get("/ics/" + "A".repeat(43) + ".ics"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }
}
