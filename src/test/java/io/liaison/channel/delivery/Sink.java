package io.liaison.channel.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A local HTTP receiver that answers with the statuses it is given (then 204) and keeps each request's webhook-id. */
final class Sink implements AutoCloseable {

    record Answer(int status, String retryAfter) {}

    final List<String> ids = new CopyOnWriteArrayList<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final HttpServer server;
    private volatile Duration delay = Duration.ZERO;

    Sink(Answer... answers) throws IOException {
        this.answers.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            Answer answer = this.answers.poll();
            if (answer == null) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                if (answer.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
                }
                byte[] body = ("{\"status\":" + answer.status() + "}").getBytes();
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    static Answer status(int status) {
        return new Answer(status, null);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=abc";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
