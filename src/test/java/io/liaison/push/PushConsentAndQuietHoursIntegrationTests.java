package io.liaison.push;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.GreenMailSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A contact who opted out is skipped until they opt in again, then reached (and counted so by the
 * composer); a push sent during the organization's quiet hours (in Shanghai) waits for their end.
 */
class PushConsentAndQuietHoursIntegrationTests extends PushMailTest {

    @Test
    void aContactOptedOutIsSkippedAndReachedAgainOnceOptedIn() throws Exception {
        PushWorld w = new PushWorld(mvc);
        settings(w, "null");
        String zhang = w.contact(w.sender, "张三", "zhang.san@customer.example", true);
        w.contact(w.sender, "李四", "li.si@customer.example", true);
        w.api.answer(as(put("/api/v1/contacts/" + zhang + "/push-opt-out"), w.sender.token()), 204);

        assertThat(reach(w)).containsExactlyInAnyOrderEntriesOf(Map.of("queued", 1, "opted-out", 1));
        String first = w.push(w.sender.token(), "{{name}}，新品到了", "你好", List.of(), 201);
        w.send(context, w.sender.token(), first);
        Drain.now(context);
        String skipped =
                w.api.answer(as(get("/api/v1/pushes/" + first + "/recipients?state=skipped"), w.sender.token()), 200);
        assertThat(strings(JsonPath.read(skipped, "$.items[*].contactId"))).containsExactly(zhang);
        assertThat(strings(JsonPath.read(skipped, "$.items[*].reason"))).containsExactly("opted-out");
        assertThat(subjects()).containsExactly("李四，新品到了");

        w.api.answer(as(delete("/api/v1/contacts/" + zhang + "/push-opt-out"), w.sender.token()), 204);
        String status = w.api.answer(as(get("/api/v1/contacts/" + zhang + "/push-opt-out"), w.sender.token()), 200);
        assertThat(JsonPath.<Boolean>read(status, "$.optedOut")).isFalse();

        assertThat(reach(w)).as("both are reached now").containsExactlyInAnyOrderEntriesOf(Map.of("queued", 2));
        String second = w.push(w.sender.token(), "{{name}}，还有新品", "你好", List.of(), 201);
        String done = w.send(context, w.sender.token(), second);
        Drain.now(context);
        assertThat(JsonPath.<Integer>read(
                        w.api.answer(as(get("/api/v1/pushes/" + second), w.sender.token()), 200), "$.counts.sent"))
                .isEqualTo(2);
        assertThat(JsonPath.<Integer>read(done, "$.counts.skipped")).isZero();
        assertThat(subjects()).containsExactlyInAnyOrder("李四，新品到了", "张三，还有新品", "李四，还有新品");
    }

    @Test
    void aPushDuringQuietHoursWaitsUntilTheyEndInTheOrganizationsZone() throws Exception {
        Drain.now(context); // what the other tests of this application left in the queue
        PushWorld w = new PushWorld(mvc);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        w.api.answer(json(patch("/api/v1/organization"), w.org.adminToken(), "{\"timeZone\":\"Asia/Shanghai\"}"), 200);
        LocalTime now = LocalTime.now(shanghai).truncatedTo(ChronoUnit.MINUTES);
        LocalTime starts = now.minusHours(1);
        LocalTime ends = now.plusHours(2);
        settings(w, "{\"starts\":\"%s\",\"ends\":\"%s\"}".formatted(starts, ends));
        w.contact(w.sender, "张三", "zhang.san@customer.example", true);

        String push = w.push(w.sender.token(), "{{name}}，新品到了", "你好", List.of(), 201);
        String sent = w.send(context, w.sender.token(), push);
        assertThat(Drain.now(context)).as("nothing is due during quiet hours").isZero();

        assertThat(JsonPath.<String>read(sent, "$.state")).isEqualTo("done");
        assertThat(JsonPath.<Integer>read(sent, "$.counts.sending"))
                .as("handed to the delivery queue, waiting")
                .isEqualTo(1);
        // every node's worker sends any organization's due mail through its own SMTP server, so a retry
        // another test class left may land here meanwhile: this push's mail is what must not
        assertThat(subjects()).as("the push's mail waits").doesNotContain("张三，新品到了");
        String deliveries = w.api.answer(as(get("/api/v1/deliveries?state=queued"), w.org.adminToken()), 200);
        List<String> next = strings(
                JsonPath.read(deliveries, "$.items[?(@.emailAddress == 'zhang.san@customer.example')].nextAttemptAt"));
        ZonedDateTime end = ZonedDateTime.now(shanghai).with(ends);
        Instant expected = (end.isAfter(ZonedDateTime.now(shanghai)) ? end : end.plusDays(1)).toInstant();
        assertThat(next).hasSize(1);
        assertThat(Instant.parse(next.get(0)))
                .as("the end of the quiet hours, %s in Shanghai", ends)
                .isEqualTo(expected);

        String cancelled = w.api.answer(as(post("/api/v1/pushes/" + push + "/cancel"), w.sender.token()), 200);
        assertThat(JsonPath.<String>read(cancelled, "$.state"))
                .as("a push whose mails still wait can be cancelled")
                .isEqualTo("cancelled");
        assertThat(JsonPath.<Integer>read(cancelled, "$.counts.skipped")).isEqualTo(1);
        String recipients =
                w.api.answer(as(get("/api/v1/pushes/" + push + "/recipients?state=skipped"), w.sender.token()), 200);
        assertThat(strings(JsonPath.read(recipients, "$.items[*].reason"))).containsExactly("cancelled");
        String withdrawn = w.api.answer(as(get("/api/v1/deliveries?state=skipped"), w.org.adminToken()), 200);
        assertThat(strings(
                        JsonPath.read(withdrawn, "$.items[?(@.emailAddress == 'zhang.san@customer.example')].reason")))
                .as("the mail left the delivery queue, never to be sent")
                .containsExactly("Withdrawn by its sender before it was sent.");
        w.api.answer(as(post("/api/v1/pushes/" + push + "/cancel"), w.sender.token()), 409);
    }

    private void settings(PushWorld w, String quietHours) throws Exception {
        w.api.answer(json(put("/api/v1/push-settings"), w.org.adminToken(), """
                        {"perDay":10,"perMonth":40,"approvalOver":null,"quietHours":%s,"maxRecipients":1000}
                        """.formatted(quietHours)), 200);
    }

    private Map<String, Integer> reach(PushWorld w) throws Exception {
        String reach = w.api.answer(json(post("/api/v1/pushes/reach"), w.sender.token(), """
                        {"filter":{"tagIds":["%s"]}}
                        """.formatted(w.vip)), 200);
        return JsonPath.read(reach, "$.contacts");
    }

    private static List<String> subjects() throws Exception {
        MimeMessage[] mails =
                GreenMailSmtp.receivedBy(greenMail, "zhang.san@customer.example", "li.si@customer.example");
        String[] subjects = new String[mails.length];
        for (int i = 0; i < mails.length; i++) {
            subjects[i] = mails[i].getSubject();
        }
        return List.of(subjects);
    }

    static List<String> strings(List<String> values) {
        return Arrays.asList(values.toArray(String[]::new));
    }
}
