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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server on the loopback address that answers every recipient with one reply: a full mailbox
 * (4xx) or an unknown user (5xx), where GreenMail accepts everything; or {@code 250}, and then it takes
 * the message, counts it and forgets it (a sink that holds nothing, for a benchmark). Each connection
 * is served on a thread of its own.
 */
public final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String recipientReply;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong accepted = new AtomicLong();

    public FakeSmtpServer(String recipientReply) {
        this.recipientReply = recipientReply;
        try {
            socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.execute(this::serve);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The messages taken so far (their data ended with a lone dot and answered 250). */
    public long accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> converse(client));
            } catch (IOException e) {
                // closed by the test: the loop ends
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            reply(out, "220 fake.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    break;
                }
                switch (command) {
                    case "EHLO", "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> reply(out, recipientReply);
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        if (!readData(in)) {
                            return;
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 OK queued");
                    }
                    default -> reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }

    /** Reads the message up to its lone dot; false when the client hung up before it. */
    private static boolean readData(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(".")) {
                return true;
            }
        }
        return false;
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
