package io.liaison.integration.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * A webhook receiver on 127.0.0.1 that keeps every request (headers with lower-case names, body) and
 * answers what {@code status} says for it: 204 unless a test wants the receiver down.
 */
final class Receiver implements AutoCloseable {

    record Request(Map<String, List<String>> headers, String body, int answered) {

        String id() {
            return headers.get("webhook-id").get(0);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile ToIntFunction<String> status = body -> 204;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** How the receiver answers a request, by its body. */
    void answer(ToIntFunction<String> status) {
        this.status = status;
    }

    List<Request> accepted() {
        return requests.stream().filter(r -> r.answered() < 300).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        int answer = status.applyAsInt(body);
        requests.add(new Request(headers, body, answer));
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
