package io.liaison.channel.send;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

    /** Liaison's SMTP settings for the server on {@code port}, for a test's {@code @DynamicPropertySource}. */
    public static void settings(DynamicPropertyRegistry registry, int port) {
        registry.add("liaison.channel.smtp.host", () -> "127.0.0.1");
        registry.add("liaison.channel.smtp.port", () -> port);
        registry.add("liaison.channel.smtp.from", () -> "Liaison <noreply@liaison.example>");
        registry.add("liaison.channel.smtp.security", () -> "none");
    }
}
