package io.liaison.task.event;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.GreenMailSmtp;
import io.liaison.identity.Api;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With SMTP configured (GreenMail, a real SMTP server in the test JVM), a contact invited to an event
 * receives an invitation whose invite.ics ical4j reads and validates: a REQUEST; after a new time, a
 * REQUEST with the same UID and the next SEQUENCE; when called off, a CANCEL. The organizer sees the
 * contact's address masked, and the invitation goes out all the same; a contact without an address
 * gets nothing.
 */
@LiaisonIntegrationTest
class EventInvitationMailIntegrationTests {

    static final int PORT = GreenMailSmtp.freePort();
    static final String ADDRESS = "li.lei@customer.example";

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailSmtp.server(PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        GreenMailSmtp.settings(registry, PORT);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void aContactIsInvitedToldOfTheNewTimeAndOfTheCancellationWithOneUid() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person owner = api.newMember(org, "MEMBER");
        Api.Person maker = api.newMember(org, "MEMBER");
        String contact =
                api.createdId(json(post("/api/v1/contacts"), owner.token(), """
                {"name":"李雷","emails":[{"address":"%s"}],"shareUserIds":["%s"]}
                """.formatted(ADDRESS, maker.id())));
        String silent = api.createdId(json(post("/api/v1/contacts"), maker.token(), "{\"name\":\"韩梅梅\"}"));
        assertThat(api.answer(as(get("/api/v1/contacts/" + contact), maker.token()), 200))
                .as("the organizer sees the address masked")
                .doesNotContain(ADDRESS);

        String id = api.createdId(json(post("/api/v1/events"), maker.token(), """
                {"title":"季度回顾","startAt":"2026-12-08T02:00:00Z","endAt":"2026-12-08T03:00:00Z",
                 "timeZone":"Asia/Shanghai","place":"上海市南京路1号","contactIds":["%s","%s"]}
                """.formatted(contact, silent)));
        Drain.now(context);
        MimeMessage[] received = GreenMailSmtp.receivedBy(greenMail, ADDRESS);
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(ADDRESS);
        assertThat(received[0].getSubject()).isEqualTo("邀请：季度回顾");
        Calendar invited = invitation(received[0], "REQUEST");
        VEvent first = event(invited);
        String uid = prop(first, "UID");
        assertThat(uid).startsWith(id + "@");
        assertThat(Integer.parseInt(prop(first, "SEQUENCE"))).isZero();
        assertThat(prop(first, "SUMMARY")).isEqualTo("季度回顾");
        assertThat(prop(first, "LOCATION")).isEqualTo("上海市南京路1号");
        assertThat(start(first).toInstant()).isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
        assertThat(first.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Asia/Shanghai");
        assertThat(invited.getComponent("VTIMEZONE")).isPresent();
        assertThat(first.getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:" + ADDRESS);
        assertThat(first.getProperty("ORGANIZER")).isPresent();

        api.answer(
                json(
                        patch("/api/v1/events/" + id),
                        maker.token(),
                        "{\"startAt\":\"2026-12-09T02:00:00Z\",\"endAt\":\"2026-12-09T03:00:00Z\"}"),
                200);
        Drain.now(context);
        received = GreenMailSmtp.receivedBy(greenMail, ADDRESS);
        assertThat(received).hasSize(2);
        assertThat(received[1].getSubject()).isEqualTo("邀请已更新：季度回顾");
        VEvent moved = event(invitation(received[1], "REQUEST"));
        assertThat(prop(moved, "UID")).isEqualTo(uid);
        assertThat(Integer.parseInt(prop(moved, "SEQUENCE"))).isEqualTo(1);
        assertThat(start(moved).toInstant()).isEqualTo(Instant.parse("2026-12-09T02:00:00Z"));

        api.answer(as(delete("/api/v1/events/" + id), maker.token()), 204);
        Drain.now(context);
        received = GreenMailSmtp.receivedBy(greenMail, ADDRESS);
        assertThat(received).hasSize(3);
        assertThat(received[2].getSubject()).isEqualTo("已取消：季度回顾");
        VEvent cancelled = event(invitation(received[2], "CANCEL"));
        assertThat(prop(cancelled, "UID")).isEqualTo(uid);
        assertThat(Integer.parseInt(prop(cancelled, "SEQUENCE"))).isEqualTo(2);
        assertThat(prop(cancelled, "STATUS")).isEqualTo("CANCELLED");
    }

    /** The message's .ics attachment, of {@code method} in its MIME type and its METHOD, read and validated by ical4j. */
    private static Calendar invitation(MimeMessage message, String method) throws Exception {
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        BodyPart file = null;
        for (int i = 0; i < mixed.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(mixed.getBodyPart(i).getDisposition())) {
                file = mixed.getBodyPart(i);
            }
        }
        assertThat(file).as("an attachment").isNotNull();
        assertThat(file.getFileName()).endsWith(".ics");
        assertThat(file.getContentType()).contains("text/calendar").contains("method=" + method);
        Calendar calendar =
                new CalendarBuilder().build(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
        calendar.validate();
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
        return calendar;
    }

    private static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private static String prop(VEvent event, String name) {
        return event.getProperty(name).orElseThrow().getValue();
    }

    private static ZonedDateTime start(VEvent event) {
        return (ZonedDateTime) event.getDateTimeStart().getDate();
    }
}
