package io.liaison.task.event;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.notify.NewNotification;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Events over the API: who sees one (its maker, its attending members, whoever sees one of its
 * contacts, a manager over them; nobody else and no other organization), who may change it (not one
 * who sees it only through a contact), versions, limits, cancelling, its reminders, and its end
 * resetting its contacts' last-contacted time.
 */
@LiaisonIntegrationTest
class EventApiIntegrationTests {

    static final Instant START = Instant.parse("2026-12-08T02:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventEnds ends;

    @Autowired
    EventReminderSubject reminders;

    @Test
    void anEventIsSeenByItsMakerAttendeesContactReadersAndManagersAndChangedByThoseWhoTakePart() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person maker = api.newMember(org, "MEMBER");
        Api.Person attendee = api.newMember(org, "MEMBER");
        Api.Person reader = api.newMember(org, "MEMBER");
        Api.Person stranger = api.newMember(org, "MEMBER");
        Api.Org other = api.newOrg("en");
        String contact = api.createdId(json(post("/api/v1/contacts"), maker.token(), """
                {"name":"张三","shareUserIds":["%s"]}
                """.formatted(reader.id())));

        MvcResult created = mvc.perform(json(post("/api/v1/events"), maker.token(), """
                        {"title":"拜访张三","kind":"visit","startAt":"%s","endAt":"%s","timeZone":"Asia/Shanghai",
                         "place":"上海市南京路1号","memberIds":["%s","%s"],"contactIds":["%s"],
                         "reminders":["P1D","pt15m"]}
                        """.formatted(
                                START, START.plus(Duration.ofMinutes(90)), maker.id(), attendee.id(), contact)))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        String body = created.getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        assertThat(JsonPath.<String>read(body, "$.uid")).startsWith(id + "@");
        assertThat(JsonPath.<List<String>>read(body, "$.reminders")).containsExactly("PT15M", "PT24H");
        assertThat(reminderTimes(id))
                .as("each attending member at each offset")
                .containsExactlyInAnyOrder(
                        START.minus(Duration.ofMinutes(15)),
                        START.minus(Duration.ofMinutes(15)),
                        START.minus(Duration.ofDays(1)),
                        START.minus(Duration.ofDays(1)));

        String range = "/api/v1/events?from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z";
        for (String token : List.of(maker.token(), attendee.token(), reader.token(), org.adminToken())) {
            api.answer(as(get("/api/v1/events/" + id), token), 200);
            assertThat(JsonPath.<List<String>>read(api.answer(as(get(range), token), 200), "$.items[*].id"))
                    .containsExactly(id);
        }
        api.answer(as(get("/api/v1/events/" + id), stranger.token()), 404);
        assertThat(JsonPath.<List<String>>read(api.answer(as(get(range), stranger.token()), 200), "$.items"))
                .isEmpty();
        api.answer(as(get("/api/v1/events/" + id), other.adminToken()), 404);
        api.answer(json(patch("/api/v1/events/" + id), other.adminToken(), "{\"title\":\"x\"}"), 404);

        api.answer(json(patch("/api/v1/events/" + id), reader.token(), "{\"title\":\"改\"}"), 403);
        api.answer(
                json(patch("/api/v1/events/" + id), attendee.token(), "{\"place\":\"杭州\"}")
                        .header("If-Match", "\"7\""),
                412);
        String moved = api.answer(
                json(patch("/api/v1/events/" + id), attendee.token(), """
                                {"startAt":"%s","endAt":"%s","reminders":null}
                                """.formatted(
                                        START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(2))))
                        .header("If-Match", "\"0\""),
                200);
        assertThat(JsonPath.<Integer>read(moved, "$.sequence")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(moved, "$.version")).isEqualTo(1);
        assertThat(JsonPath.<String>read(moved, "$.place")).isEqualTo("上海市南京路1号");
        assertThat(reminderTimes(id)).as("no reminders any more").isEmpty();

        UUID eventId = UUID.fromString(id);
        UUID attendeeId = UUID.fromString(attendee.id());
        Optional<NewNotification> told = reminders.describe(UUID.fromString(org.id()), eventId, attendeeId, START);
        assertThat(told).hasValueSatisfying(n -> {
            assertThat(n.kind()).isEqualTo("event.reminder");
            assertThat(n.body().args()).contains("拜访张三", "2026-12-08 11:00", "上海市南京路1号");
        });

        api.answer(as(delete("/api/v1/events/" + id), attendee.token()), 204);
        assertThat(JsonPath.<String>read(api.answer(as(get("/api/v1/events/" + id), maker.token()), 200), "$.status"))
                .isEqualTo("cancelled");
        api.answer(json(patch("/api/v1/events/" + id), maker.token(), "{\"title\":\"又改\"}"), 422);
        assertThat(reminders.describe(UUID.fromString(org.id()), eventId, attendeeId, START))
                .as("a cancelled event reminds nobody")
                .isEmpty();
    }

    @Test
    void refusesWhatAnEventCannotBe() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        Api.Person maker = api.newMember(org, "MEMBER");
        String start = START.toString();
        assertThat(refused(api, maker, "{\"title\":\"a\",\"startAt\":\"" + start + "\",\"endAt\":\"" + start + "\"}"))
                .contains("endAt", "later than the start");
        assertThat(refused(api, maker, event("\"link\":\"javascript:alert(1)\"")))
                .contains("link", "http or https");
        assertThat(refused(api, maker, event("\"reminders\":[\"PT1M\",\"PT2M\",\"PT3M\",\"PT4M\",\"PT5M\",\"PT6M\"]")))
                .contains("reminders");
        assertThat(refused(api, maker, event("\"reminders\":[\"P30D\"]"))).contains("reminders[0]");
        assertThat(refused(api, maker, event("\"timeZone\":\"Mars/Olympus\""))).contains("timeZone");
        assertThat(refused(api, maker, event("\"contactIds\":[\"" + UUID.randomUUID() + "\"]")))
                .contains("contactIds[0]");
        assertThat(api.answer(
                        as(get("/api/v1/events?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z"), maker.token()),
                        400))
                .contains("92 days");
    }

    @Test
    void aFinishedEventResetsItsContactsLastContactedTimeAndACancelledOneDoesNot() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        Api.Person maker = api.newMember(org, "MEMBER");
        String met = api.createdId(json(post("/api/v1/contacts"), maker.token(), "{\"name\":\"Met\"}"));
        String missed = api.createdId(json(post("/api/v1/contacts"), maker.token(), "{\"name\":\"Missed\"}"));
        Instant end = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        api.createdId(
                json(post("/api/v1/events"), maker.token(), """
                {"title":"Review","startAt":"%s","endAt":"%s","contactIds":["%s"]}
                """.formatted(end.minus(Duration.ofHours(1)), end, met)));
        String cancelled = api.createdId(json(
                post("/api/v1/events"), maker.token(), """
                {"title":"Called off","startAt":"%s","endAt":"%s","contactIds":["%s"]}
                """.formatted(end.minus(Duration.ofHours(1)), end, missed)));
        api.answer(as(delete("/api/v1/events/" + cancelled), maker.token()), 204);
        String later = api.createdId(json(post("/api/v1/events"), maker.token(), """
                {"title":"Next week","startAt":"%s","endAt":"%s","contactIds":["%s"]}
                """.formatted(
                end.plus(Duration.ofDays(7)), end.plus(Duration.ofDays(7).plusHours(1)), missed)));

        assertThat(ends.touch(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(lastContacted(api, maker, met)).isEqualTo(end);
        assertThat(lastContacted(api, maker, missed))
                .as("cancelled or not yet over")
                .isNull();
        assertThat(ends.touch(Instant.now())).as("each event once").isZero();

        // The job touches every organization's ended events; other tests' events may end by then too.
        assertThat(ends.touch(end.plus(Duration.ofDays(8)))).isGreaterThanOrEqualTo(1);
        assertThat(lastContacted(api, maker, missed))
                .isEqualTo(end.plus(Duration.ofDays(7).plusHours(1)));
        assertThat(later).isNotBlank();
    }

    private static String event(String extra) {
        return "{\"title\":\"a\",\"startAt\":\"" + START + "\",\"endAt\":\"" + START.plus(Duration.ofHours(1)) + "\","
                + extra + "}";
    }

    private static String refused(Api api, Api.Person who, String body) throws Exception {
        return api.answer(json(post("/api/v1/events"), who.token(), body).header("Accept-Language", "en"), 400);
    }

    private static Instant lastContacted(Api api, Api.Person who, String contact) throws Exception {
        String at = JsonPath.read(
                api.answer(as(get("/api/v1/contacts/" + contact), who.token()), 200), "$.lastContactedAt");
        return at == null ? null : OffsetDateTime.parse(at).toInstant();
    }

    private Instant touchedAt(String eventId) {
        return jdbc.sql("SELECT touched_at FROM calendar_event WHERE id = ?::uuid")
                .param(eventId)
                .query((rs, n) ->
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .single();
    }

    private List<Instant> reminderTimes(String eventId) {
        return jdbc.sql("""
                        SELECT fire_at FROM task_reminder
                         WHERE subject_kind = 'event' AND subject_id = ?::uuid AND fired_at IS NULL
                        """)
                .params(eventId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }
}
