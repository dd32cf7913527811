package io.liaison.channel.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard sees every address a request reaches: a name is checked after it is resolved, and
 * each redirect's target before it is followed. Real servers on loopback; a "public" server is one
 * the guard's allowed list names, and loopback addresses it does not name stay refused.
 */
class OutboundRedirectTests {

    static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    @Test
    void aNameThatResolvesToLoopbackIsRefused() throws Exception {
        InetAddress[] loopback = {InetAddress.getByAddress("rebind.test", new byte[] {127, 0, 0, 1})};
        HostGuard guard = new HostGuard(List.of(), name -> name.equals("rebind.test") ? loopback : new InetAddress[0]);

        assertThat(guard.allows(URI.create("http://rebind.test/hook"))).isFalse();
        assertThat(new HostGuard(List.of()).allows(URI.create("http://rebind.test/hook")))
                .as("a name no resolver knows reaches nothing")
                .isTrue();
        assertThat(new HostGuard(List.of()).allows(URI.create("http://localhost:8080/hook")))
                .isFalse();
        assertThat(new HostGuard(List.of()).allows(URI.create("http://[::1]/hook")))
                .isFalse();
    }

    @Test
    void localhostIsRefusedWithoutARequest() throws Exception {
        try (Server server = new Server(204, null)) {
            OutboundHttp.Posted posted = new OutboundHttp()
                    .post(URI.create("http://localhost:" + server.port() + "/hook"), HEADERS, "{}", "POST hook");

            assertThat(posted.result().outcome()).isEqualTo(SendResult.Outcome.FAILED);
            assertThat(posted.result().reason()).isEqualTo("channel.reason.forbiddenHost");
            assertThat(server.bodies).isEmpty();
        }
    }

    @Test
    void aRedirectFromAnAllowedHostToLoopbackIsNotFollowed() throws Exception {
        try (Server inside = new Server(204, null);
                Server outside = new Server(307, "http://127.0.0.1:" + inside.port() + "/admin")) {
            OutboundHttp http = new OutboundHttp(List.of("localhost"));

            OutboundHttp.Posted posted = http.post(
                    URI.create("http://localhost:" + outside.port() + "/hook"), HEADERS, "{\"a\":1}", "POST hook");

            assertThat(outside.bodies).containsExactly("POST {\"a\":1}");
            assertThat(inside.bodies).as("the guard saw the redirect's target").isEmpty();
            assertThat(posted.result().outcome()).isEqualTo(SendResult.Outcome.FAILED);
            assertThat(posted.result().reason()).isEqualTo("channel.reason.forbiddenRedirect");
        }
    }

    @Test
    void a308ToAnAllowedHostIsFollowedWithTheMethodAndBody() throws Exception {
        try (Server target = new Server(204, null);
                Server moved = new Server(308, "http://127.0.0.1:" + target.port() + "/new")) {
            OutboundHttp http = new OutboundHttp(List.of("localhost", "127.0.0.1"));

            OutboundHttp.Posted posted = http.post(
                    URI.create("http://localhost:" + moved.port() + "/old"), HEADERS, "{\"b\":2}", "POST old");

            assertThat(posted.result().outcome()).isEqualTo(SendResult.Outcome.SENT);
            assertThat(target.bodies).containsExactly("POST {\"b\":2}");
            assertThat(target.paths).containsExactly("/new");
        }
    }

    @Test
    void aFoundRedirectAndEndlessRedirectsFailWithTheirReasons() throws Exception {
        try (Server found = new Server(302, "/elsewhere");
                Server loop = new Server(307, "/again")) {
            OutboundHttp http = new OutboundHttp(List.of("127.0.0.1"));

            OutboundHttp.Posted once = http.post(URI.create(found.url()), HEADERS, "{}", "POST");
            OutboundHttp.Posted endless = http.post(URI.create(loop.url()), HEADERS, "{}", "POST");

            assertThat(once.result().reason()).isEqualTo("channel.reason.redirect");
            assertThat(once.result().answer()).startsWith("302").contains("Location: " + found.url() + "elsewhere");
            assertThat(endless.result().reason()).isEqualTo("channel.reason.tooManyRedirects");
            assertThat(loop.bodies).hasSize(OutboundHttp.MAX_REDIRECTS + 1);
        }
    }

    /** Answers every POST with {@code status} and, when given, a {@code Location}. */
    static final class Server implements AutoCloseable {

        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<String> paths = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        Server(int status, String location) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                bodies.add(exchange.getRequestMethod() + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                paths.add(exchange.getRequestURI().getPath());
                if (location != null) {
                    exchange.getResponseHeaders().add("Location", location);
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String url() {
            return "http://127.0.0.1:" + port() + "/";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
