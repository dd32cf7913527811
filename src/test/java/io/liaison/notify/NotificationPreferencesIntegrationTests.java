package io.liaison.notify;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.ChannelFailing;
import io.liaison.identity.Api;
import io.liaison.shared.Ids;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member's preferences decide where each kind goes: the bell, their e-mail, their own robot, as
 * delivery rows of module channel written with the notification; quiet hours hold non-urgent ones
 * back to their end, in the member's time zone.
 */
@LiaisonIntegrationTest
class NotificationPreferencesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;
    Api.Person me;
    UUID robot;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("zh-CN");
        me = api.newMember(org, "MEMBER");
        jdbc.sql("UPDATE member SET email = 'me@example.cn', time_zone = 'Asia/Shanghai' WHERE id = ?")
                .param(UUID.fromString(me.id()))
                .update();
        robot = robot(me.id());
    }

    UUID robot(String ownerId) {
        UUID id = Ids.newId();
        jdbc.sql("INSERT INTO channel (org_id, id, owner_id, name, kind, address) VALUES (?, ?, ?, '我的机器人', 'dingtalk',"
                        + " 'https://oapi.dingtalk.com/robot/send?access_token=t')")
                .params(UUID.fromString(org.id()), id, UUID.fromString(ownerId))
                .update();
        return id;
    }

    @Test
    void aKindSentToEmailAndMyRobotInsteadOfTheBellBecomesTwoDeliveries() throws Exception {
        String view = api.answer(as(get("/api/v1/notification-preferences"), me.token()), 200);
        assertThat((List<Boolean>) JsonPath.read(view, "$.kinds[?(@.kind == 'contact.shared')].inApp"))
                .containsExactly(true);
        assertThat((List<String>) JsonPath.read(view, "$.robots[*].id")).containsExactly(robot.toString());

        choose(
                "{\"kinds\":[{\"kind\":\"contact.shared\",\"inApp\":false,\"email\":true,\"channelId\":\"" + robot
                        + "\"}],\"quietHours\":null}",
                200);
        shareWithMe("张三");

        assertThat(count()).as("not on the bell").isZero();
        List<Map<String, Object>> rows = deliveries();
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("email_address")).containsOnlyOnce("me@example.cn");
        assertThat(rows).extracting(r -> r.get("channel_id")).containsOnlyOnce(robot);
        assertThat(rows).allSatisfy(r -> {
            // queued, or skipped with channel's reason where this build has no SMTP or no adapter for the kind
            assertThat(r.get("state")).isIn("queued", "skipped");
            assertThat(r.get("state").equals("queued") || r.get("reason") != null)
                    .isTrue();
            assertThat((String) r.get("message")).contains("将 张三 共享给你");
            assertThat(((java.sql.Timestamp) r.get("next_attempt_at")).toInstant())
                    .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        });
    }

    @Test
    void quietHoursHoldNonUrgentDeliveriesToTheirEndButNotUrgentOnes(
            @Autowired ApplicationEventPublisher events, @Autowired TransactionTemplate transaction) throws Exception {
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        LocalTime end = now.plusHours(2);
        choose(
                "{\"kinds\":[{\"kind\":\"contact.shared\",\"inApp\":true,\"email\":true}],\"quietHours\":{\"starts\":\""
                        + now.minusHours(1) + "\",\"ends\":\"" + end + "\"}}",
                200);
        shareWithMe("李四");
        Instant held = ((java.sql.Timestamp) deliveries().get(0).get("next_attempt_at")).toInstant();
        assertThat(held).isCloseTo(Instant.now().plus(2, ChronoUnit.HOURS), within(2, ChronoUnit.MINUTES));
        assertThat(OffsetDateTime.ofInstant(held, ZoneId.of("Asia/Shanghai")).toLocalTime())
                .isEqualTo(end);
        assertThat(count()).as("the bell is not held back").isEqualTo(1);

        // a failing channel of the organization is urgent, for its administrators
        jdbc.sql("UPDATE member SET email = 'boss@example.cn' WHERE id = ?")
                .param(UUID.fromString(org.adminId()))
                .update();
        UUID failing = UUID.randomUUID();
        transaction.executeWithoutResult(s ->
                events.publishEvent(new ChannelFailing(UUID.fromString(org.id()), failing, "CRM 推送", null, 5, null)));
        assertThat(jdbc.sql("SELECT kind || ' ' || link FROM notification WHERE org_id = ? AND member_id = ?")
                        .params(UUID.fromString(org.id()), UUID.fromString(org.adminId()))
                        .query(String.class)
                        .list())
                .as("it opens the channel's failed deliveries")
                .containsExactly("channel-failing /deliveries?channel=" + failing + "&state=failed");
        assertThat(count()).as("a member is not told").isEqualTo(1);
    }

    @Test
    void choicesThatCannotBeHonouredAreRefusedNamingTheField() throws Exception {
        UUID theirs = robot(org.adminId());
        assertThat(choose(
                        "{\"kinds\":[{\"kind\":\"contact.shared\",\"inApp\":true,\"email\":false,\"channelId\":\""
                                + theirs + "\"}]}",
                        400))
                .contains("kinds[0].channelId");
        assertThat(choose("{\"kinds\":[{\"kind\":\"no.such\",\"inApp\":true,\"email\":false}]}", 400))
                .contains("kinds[0].kind");
        assertThat(choose("{\"kinds\":[],\"quietHours\":{\"starts\":\"22:00\",\"ends\":\"22:00\"}}", 400))
                .contains("quietHours");
        jdbc.sql("UPDATE member SET email = NULL WHERE id = ?")
                .param(UUID.fromString(me.id()))
                .update();
        assertThat(choose("{\"kinds\":[{\"kind\":\"contact.shared\",\"inApp\":true,\"email\":true}]}", 400))
                .contains("kinds[0].email");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_preference WHERE member_id = ?")
                        .param(UUID.fromString(me.id()))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    String choose(String body, int status) throws Exception {
        return api.answer(json(put("/api/v1/notification-preferences"), me.token(), body), status);
    }

    void shareWithMe(String name) throws Exception {
        api.createdId(json(
                post("/api/v1/contacts"),
                org.adminToken(),
                "{\"name\":\"" + name + "\",\"shareUserIds\":[\"" + me.id() + "\"]}"));
    }

    int count() throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/notifications/count"), me.token()), 200), "$.count");
    }

    List<Map<String, Object>> deliveries() {
        return jdbc.sql("SELECT channel_id, email_address, state, reason, message::text AS message, next_attempt_at"
                        + " FROM delivery WHERE org_id = ? AND origin_module = 'notify' ORDER BY id")
                .param(UUID.fromString(org.id()))
                .query()
                .listOfRows();
    }
}
