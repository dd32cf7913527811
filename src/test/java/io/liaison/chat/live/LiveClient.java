package io.liaison.chat.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's chat socket, as a browser opens it: with the session cookie of a login through the login
 * form and the page's {@code Origin}. Keeps every frame it receives, in order, and how it closed.
 */
final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    /** The {@code SESSION} cookie of a login on the members' ({@code /login}) or guests' ({@code /guest/login}) form. */
    static String login(String base, String page, String organization, String login, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("a CSRF token on " + page).isTrue();
        String body = "organization=" + encode(organization) + "&username=" + encode(login) + "&password="
                + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + page))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the login's answer").isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION"))
                .findFirst()
                .orElseThrow();
        return "SESSION=" + session.getValue();
    }

    /** Logs the session out as its page's menu does. */
    static void logout(String base, String cookie) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base + "/chats"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("a CSRF token on the chats page").isTrue();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/logout"))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Location").orElse(""))
                .as("the logout's answer")
                .contains("logout");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Opens the socket; the future fails with the handshake's refusal. */
    static CompletableFuture<LiveClient> open(int port, String cookie, String origin) {
        LiveClient client = new LiveClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), client)
                .thenApply(ws -> {
                    client.socket = ws;
                    return client;
                });
    }

    /** A connected socket, past its {@code hello}. */
    static LiveClient connect(int port, String cookie) throws Exception {
        LiveClient client = open(port, cookie, "http://localhost:" + port).get(10, TimeUnit.SECONDS);
        assertThat(client.next("hello")).contains("\"heartbeatSeconds\":25");
        return client;
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** The next frame, which must be of {@code type} (pings skipped), within five seconds. */
    String next(String type) throws InterruptedException {
        String frame = nextAny(5000);
        assertThat(frame).as("a %s frame", type).isNotNull();
        assertThat((String) JsonPath.read(frame, "$.type")).as(frame).isEqualTo(type);
        return frame;
    }

    /** The next frame of {@code type} within five seconds, those of other types before it skipped. */
    String await(String type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            String frame = frames.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame != null && type.equals(JsonPath.read(frame, "$.type"))) {
                return frame;
            }
        }
        throw new AssertionError("No " + type + " frame within five seconds");
    }

    /** The next frame but pings within {@code millis}, or null. */
    String nextAny(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            String frame = frames.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame == null || !frame.equals("{\"type\":\"ping\"}")) {
                return frame;
            }
        }
    }

    /** Every frame that comes within {@code millis}, pings left out. */
    List<String> drain(long millis) throws InterruptedException {
        List<String> all = new ArrayList<>();
        String frame;
        while ((frame = nextAny(millis)) != null) {
            all.add(frame);
        }
        return all;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }
}
