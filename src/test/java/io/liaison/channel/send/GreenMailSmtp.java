package io.liaison.channel.send;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.test.context.DynamicPropertyRegistry;

/** GreenMail, a real SMTP server in the test JVM, on a free loopback port, and Liaison's settings for it. */
public final class GreenMailSmtp {

    private GreenMailSmtp() {}

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", "smtp"));
    }

    /**
     * The mails the server received for any of {@code addresses}, in the order received. The database is
     * shared by every test's application context, and any context's sending job may deliver another
     * organization's pending mail to this server: a test counts only its own recipients' mail.
     */
    public static MimeMessage[] receivedBy(GreenMailExtension server, String... addresses) {
        Set<String> wanted = Set.of(addresses);
        return Arrays.stream(server.getReceivedMessages())
                .filter(mail -> recipients(mail).stream().anyMatch(wanted::contains))
                .toArray(MimeMessage[]::new);
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            Address[] all = mail.getAllRecipients();
            return all == null
                    ? List.of()
                    : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Liaison's SMTP settings for the server on {@code port}, for a test's {@code @DynamicPropertySource}. */
    public static void settings(DynamicPropertyRegistry registry, int port) {
        registry.add("liaison.channel.smtp.host", () -> "127.0.0.1");
        registry.add("liaison.channel.smtp.port", () -> port);
        registry.add("liaison.channel.smtp.from", () -> "Liaison <noreply@liaison.example>");
        registry.add("liaison.channel.smtp.security", () -> "none");
    }
}
