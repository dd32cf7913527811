package io.liaison.push;

import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.GreenMailSmtp;
import io.liaison.push.core.PushRuns;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A push cancelled by its sender while it is being sent (after its first batch of two): the two
 * handed over (and sent before the cancel) stay sent, the three others are skipped as cancelled, no other mail leaves,
 * and the push says it was cancelled and by whom.
 */
class PushCancelMidSendIntegrationTests extends PushMailTest {

    @Test
    void aPushCancelledAfterItsFirstBatchSendsThatBatchOnlyAndSkipsTheRest() throws Exception {
        PushWorld w = new PushWorld(mvc);
        List<String> names = List.of("张一", "张二", "张三", "张四", "张五");
        String[] addresses = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            addresses[i] = "zhang" + i + "@customer.example";
            w.contact(w.sender, names.get(i), addresses[i], true);
        }
        String push = w.push(w.sender.token(), "{{name}}，新品到了", "你好，{{name}}！", List.of(), 201);
        AtomicReference<String> cancelled = new AtomicReference<>("");
        CancelAfterFirstBatch.arm(() -> {
            try {
                // the first batch's mails leave before the cancel; a cancel withdraws what still waits
                Drain.now(context);
                cancelled.set(w.api.answer(as(post("/api/v1/pushes/" + push + "/cancel"), w.sender.token()), 200));
            } catch (Exception e) {
                cancelled.set(e.toString());
            }
        });

        PushRuns.now(context, w.org.id(), push);
        Drain.now(context);

        assertThat(cancelled.get())
                .as("the cancel answered while the push was sending")
                .contains("\"cancelled\"");
        String after = w.api.answer(as(get("/api/v1/pushes/" + push), w.sender.token()), 200);
        assertThat(JsonPath.<String>read(after, "$.state")).isEqualTo("cancelled");
        assertThat(JsonPath.<String>read(after, "$.cancelledBy")).isEqualTo(w.sender.id());
        assertThat(JsonPath.<Integer>read(after, "$.counts.sent")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(after, "$.counts.skipped")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(after, "$.counts.queued") + JsonPath.<Integer>read(after, "$.counts.sending"))
                .isZero();

        String recipients = w.api.answer(as(get("/api/v1/pushes/" + push + "/recipients"), w.sender.token()), 200);
        List<String> sent = strings(JsonPath.read(recipients, "$.items[?(@.state == 'sent')].contactName"));
        List<String> skipped = strings(JsonPath.read(recipients, "$.items[?(@.state == 'skipped')].contactName"));
        assertThat(sent).hasSize(2);
        assertThat(skipped).hasSize(3).doesNotContainAnyElementsOf(sent);
        assertThat(strings(JsonPath.read(recipients, "$.items[?(@.state == 'skipped')].reason")))
                .containsOnly("cancelled");
        assertThat(strings(JsonPath.read(recipients, "$.items[?(@.state == 'skipped')].reasonText")))
                .as("the reason in the organization's language")
                .doesNotContainNull()
                .allSatisfy(text -> assertThat(text).doesNotContain("push.").isNotBlank());

        MimeMessage[] mails = GreenMailSmtp.receivedBy(greenMail, addresses);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : mails) {
            subjects.add(mail.getSubject());
        }
        assertThat(subjects)
                .as("a mail for each recipient sent, none for those skipped")
                .containsExactlyInAnyOrderElementsOf(
                        sent.stream().map(name -> name + "，新品到了").toList());

        PushRuns.now(context, w.org.id(), push);
        assertThat(Drain.now(context))
                .as("running the push's task again sends nothing")
                .isZero();
        assertThat(GreenMailSmtp.receivedBy(greenMail, addresses)).hasSize(2);
    }

    private static List<String> strings(List<String> values) {
        return Arrays.asList(values.toArray(String[]::new));
    }
}
