package io.liaison.shared.database;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.liaison.channel.StandardWebhooks;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver in the test's JVM: it checks each request's Standard Webhooks signature (401 when
 * wrong), counts each {@code webhook-id} it accepted, and answers 200 after {@code delay}, so that
 * senders have requests in flight.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private final String secret;
    private final Duration delay;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    WebhookReceiver(String secret, Duration delay) throws IOException {
        this.secret = secret;
        this.delay = delay;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/hook", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** How many times each {@code webhook-id} with a good signature arrived. */
    Map<String, AtomicInteger> received() {
        return received;
    }

    /** Requests refused for a missing or wrong signature. */
    int refused() {
        return refused.get();
    }

    void forget() {
        received.clear();
        refused.set(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean valid = id != null
                && timestamp != null
                && signature != null
                && signature.equals(StandardWebhooks.signature(secret, id, Long.parseLong(timestamp), body));
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (valid) {
            received.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        } else {
            refused.incrementAndGet();
        }
        exchange.sendResponseHeaders(valid ? 200 : 401, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
