package io.liaison.push;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.GreenMailSmtp;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A push to a tag reaches, by e-mail (to GreenMail, a real SMTP server), each contact the sender sees
 * with the tag, rendered for them; every other is accounted for: opted out, no address, not visible
 * (named by id), and, on a second push the same day, capped.
 */
@RecordApplicationEvents
class PushSendingIntegrationTests extends PushMailTest {

    @Autowired
    ApplicationEvents events;

    @Test
    void aPushReachesTheVisibleTaggedContactsAndAccountsForEveryOther() throws Exception {
        PushWorld w = new PushWorld(mvc);
        String zhang = w.contact(w.sender, "张三", "zhang.san@customer.example", true);
        String li = w.contact(w.sender, "李四", null, true);
        w.contact(w.sender, "王五", "wang.wu@customer.example", false);
        String zhao = w.contact(w.sender, "赵六", "zhao.liu@customer.example", true);
        String qian = w.contact(w.other, "钱七", "qian.qi@customer.example", true);
        jdbc.sql("INSERT INTO push_opt_out (org_id, contact_id, via) VALUES (?, ?, 'link')")
                .params(UUID.fromString(w.org.id()), UUID.fromString(zhao))
                .update();

        String reach =
                w.api.answer(json(post("/api/v1/pushes/reach"), w.sender.token(), """
                        {"filter":{"tagIds":["%s"]},"contactIds":["%s"]}
                        """.formatted(w.vip, qian)), 200);
        assertThat(JsonPath.<Map<String, Integer>>read(reach, "$.contacts"))
                .as("the composer's count by reason")
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("queued", 1, "no-address", 1, "opted-out", 1, "invisible", 1));

        String push = w.push(w.sender.token(), "{{name}}，新品到了", "你好，{{name|朋友}}！", List.of(qian), 201);
        assertThat(JsonPath.<String>read(w.send(context, w.sender.token(), push), "$.state"))
                .isEqualTo("done");
        Drain.now(context);

        MimeMessage[] mails = GreenMailSmtp.receivedBy(
                greenMail,
                "zhang.san@customer.example",
                "wang.wu@customer.example",
                "zhao.liu@customer.example",
                "qian.qi@customer.example");
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("zhang.san@customer.example");
        assertThat(mails[0].getSubject()).isEqualTo("张三，新品到了");
        String unsubscribe = mails[0].getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).as("the one-click unsubscribe link of 张三").contains("/unsubscribe/");
        assertThat((String)
                        ((MimeMultipart) mails[0].getContent()).getBodyPart(0).getContent())
                .as("the link at the foot of the mail, in the organization's language")
                .contains("退订");

        assertThat(events.stream(PushRecipientEnded.class))
                .as("the outcome for figures: who sent the push, to which contact, how it ended")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.pushId()).hasToString(push);
                    assertThat(e.contactId()).hasToString(zhang);
                    assertThat(e.senderId()).hasToString(w.sender.id());
                    assertThat(e.state()).isEqualTo("sent");
                });

        String recipients = w.api.answer(as(get("/api/v1/pushes/" + push + "/recipients"), w.sender.token()), 200);
        assertThat(JsonPath.<List<String>>read(recipients, "$.items[?(@.state == 'sent')].contactName"))
                .containsExactly("张三");
        assertThat(reasons(recipients)).containsExactlyInAnyOrder("no-address", "opted-out", "invisible");
        assertThat(JsonPath.<List<String>>read(recipients, "$.items[?(@.reason == 'invisible')].contactName"))
                .as("a contact the sender does not see is counted, never named")
                .containsExactly((String) null);
        assertThat(JsonPath.<List<String>>read(recipients, "$.items[?(@.reason == 'no-address')].contactId"))
                .containsExactly(li);

        String second = w.push(w.sender.token(), "再次提醒", "{{name}}，别错过", List.of(), 201);
        String done = w.send(context, w.sender.token(), second);
        assertThat(JsonPath.<Integer>read(done, "$.counts.skipped")).isEqualTo(3);
        String again =
                w.api.answer(as(get("/api/v1/pushes/" + second + "/recipients?state=skipped"), w.sender.token()), 200);
        assertThat(JsonPath.<List<String>>read(again, "$.items[?(@.contactId == '" + zhang + "')].reason"))
                .as("one push a day reaches a contact by default")
                .containsExactly("capped-day");
    }

    @Test
    void aSubjectThatRendersEmptyGivesWayToThePushName() throws Exception {
        PushWorld w = new PushWorld(mvc);
        w.contact(w.sender, "孙八", "sun.ba@customer.example", true);

        String push = w.push(w.sender.token(), "{{company}}", "{{name}}，你好", List.of(), 201);
        w.send(context, w.sender.token(), push);
        Drain.now(context);

        MimeMessage[] mails = GreenMailSmtp.receivedBy(greenMail, "sun.ba@customer.example");
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject())
                .as("孙八 has no company and the subject no fallback: the mail is titled by the push's name")
                .isEqualTo("十二月新品");
    }

    private static List<String> reasons(String recipients) {
        List<String> reasons = JsonPath.read(recipients, "$.items[?(@.state == 'skipped')].reason");
        return Arrays.asList(reasons.toArray(String[]::new));
    }
}
