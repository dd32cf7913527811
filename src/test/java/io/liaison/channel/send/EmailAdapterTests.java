package io.liaison.channel.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.channel.ChannelKind;
import io.liaison.channel.OutboundMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail through GreenMail, a real SMTP server in the test JVM, read back and decoded. */
class EmailAdapterTests {

    static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"));

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EmailAdapter adapter(int port) {
        return new EmailAdapter(new SmtpSettings(
                "127.0.0.1", port, null, null, "Liaison 通知 <noreply@liaison.example>", SmtpSettings.Security.NONE));
    }

    static Target to(String address) {
        return new Target(UUID.randomUUID(), address, null);
    }

    @Test
    void aPushInChineseArrivesIntactWithTextHtmlAndListUnsubscribe() throws Exception {
        OutboundMessage push = OutboundMessage.of("张三把联系人「李四」交给了你 📇", "你好，\n请在本周内跟进李四 😀")
                .withMarkdown("你好，\n\n请在**本周内**跟进李四 😀 <script>alert(1)</script> [坏链接](javascript:alert(1))")
                .withLink("https://liaison.example/c/1")
                .withUnsubscribeLink("https://liaison.example/u/abc");
        Target target = to("王五 <wangwu@customer.example>");

        SendResult result = adapter(PORT).send(target, push);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("张三把联系人「李四」交给了你 📇");
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Liaison 通知");
        assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<https://liaison.example/u/abc>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(received.getMessageID()).isEqualTo("<" + target.deliveryId() + "@liaison.example>");

        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getCount()).isEqualTo(2);
        BodyPart text = alternatives.getBodyPart(0);
        BodyPart html = alternatives.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(text.getContent()).isEqualTo("你好，\n请在本周内跟进李四 😀\n\nhttps://liaison.example/c/1");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat((String) html.getContent())
                .contains("<strong>本周内</strong>", "跟进李四 😀", "&lt;script&gt;", "href=\"https://liaison.example/c/1\"")
                .doesNotContain("<script>")
                .doesNotContain("javascript:");
    }

    @Test
    void aMessageThatIsNoPushHasNoUnsubscribeAndItsTextIsEscapedIntoHtml() throws Exception {
        SendResult result =
                adapter(PORT).send(to("zhaoliu@customer.example"), OutboundMessage.of("导出完成", "行数 < 10 & 无错误"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getHeader("List-Unsubscribe")).isNull();
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("行数 < 10 & 无错误");
        assertThat((String) alternatives.getBodyPart(1).getContent()).contains("<p>行数 &lt; 10 &amp; 无错误</p>");
    }

    @Test
    void aPermanentRefusalFailsWithTheServersReplyAndATransientOneIsRetried() throws Exception {
        try (FakeSmtpServer unknownUser = new FakeSmtpServer("550 5.1.1 <nobody@customer.example>: user unknown")) {
            SendResult result =
                    adapter(unknownUser.port()).send(to("nobody@customer.example"), OutboundMessage.of("你好", "正文"));
            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED);
            assertThat(result.reason()).startsWith("550 5.1.1").contains("user unknown");
        }
        try (FakeSmtpServer fullMailbox = new FakeSmtpServer("452 4.2.2 mailbox full, try later")) {
            SendResult result =
                    adapter(fullMailbox.port()).send(to("busy@customer.example"), OutboundMessage.of("你好", "正文"));
            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY);
            assertThat(result.reason()).startsWith("452 4.2.2");
        }
    }

    @Test
    void aServerThatCannotBeReachedIsRetried() {
        SendResult result = adapter(freePort()).send(to("lisi@customer.example"), OutboundMessage.of("你好", "正文"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.reason()).isEqualTo("channel.reason.smtpUnreachable");
    }

    @Test
    void anAddressThatIsNoneFailsAtOnce() {
        SendResult result = adapter(PORT).send(to("not an address"), OutboundMessage.of("你好", "正文"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("channel.reason.badAddress");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anAdapterSendsEmailWithoutRateLimitsOfItsOwn() {
        assertThat(adapter(PORT).kind()).isEqualTo(ChannelKind.EMAIL);
        assertThat(adapter(PORT).rateLimits()).isEmpty();
    }
}
