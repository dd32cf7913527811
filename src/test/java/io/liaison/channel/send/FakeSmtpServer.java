package io.liaison.channel.send;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server on the loopback address that refuses every recipient with one reply, as a full
 * mailbox (4xx) or an unknown user (5xx) would: GreenMail accepts everything.
 */
final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String recipientReply;

    FakeSmtpServer(String recipientReply) {
        this.recipientReply = recipientReply;
        try {
            socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                reply(out, "220 fake.test ESMTP");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command =
                            line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                    if (command.equals("QUIT")) {
                        reply(out, "221 bye");
                        break;
                    }
                    switch (command) {
                        case "EHLO", "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                        case "RCPT" -> reply(out, recipientReply);
                        default -> reply(out, "502 5.5.2 not implemented");
                    }
                }
            } catch (IOException e) {
                // closed by the test, or the client hung up: serve the next one
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
