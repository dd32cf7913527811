package io.liaison.shared.database;

import static io.liaison.shared.database.LiaisonProcess.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Liaison processes on one PostgreSQL: a message posted through node B reaches the chat socket
 * of a browser connected to node A within 200 ms, through LISTEN/NOTIFY.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatNodesRuntimeIntegrationTests {

    private static final String PASSWORD = "chat-nodes-password";

    private EmbeddedPostgres database;
    private LiaisonProcess a;
    private LiaisonProcess b;

    @BeforeAll
    void startTwoNodes(@TempDir Path work) throws Exception {
        database = SharedDatabaseNodes.startDatabase();
        Path data = work.resolve("data");
        a = SharedDatabaseNodes.launch(database, data, "chat-a", PASSWORD, Map.of());
        a.awaitHealthy();
        b = SharedDatabaseNodes.launch(database, data, "chat-b", PASSWORD, Map.of());
        b.awaitHealthy();
    }

    @AfterAll
    void stopEverything() throws Exception {
        SharedDatabaseNodes.close(a, b);
        if (database != null) {
            database.close();
        }
    }

    /** Frames as they arrive, each with the moment it did. */
    private record Received(long nanos, String frame) {}

    @Test
    void aMessagePostedOnOneNodeReachesASocketOnTheOtherWithin200Milliseconds() throws Exception {
        String admin = token("admin", PASSWORD);
        HttpResponse<String> member = a.post(
                "/api/v1/members",
                admin,
                "{\"login\":\"lina\",\"displayName\":\"Li Na\",\"role\":\"MEMBER\",\"password\":\"li-na-password-1\"}");
        assertThat(member.statusCode()).as(member.body()).isEqualTo(201);
        String linaId = JsonPath.read(member.body(), "$.id");
        String lina = token("lina", "li-na-password-1");
        HttpResponse<String> group = a.post(
                "/api/v1/conversations",
                admin,
                "{\"kind\":\"internal\",\"name\":\"两个节点\",\"memberIds\":[\"" + linaId + "\"]}");
        assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
        String groupId = JsonPath.read(group.body(), "$.id");

        Browser browser = new Browser();
        assertThat(browser.logIn(a, "admin", PASSWORD).statusCode()).isEqualTo(302);
        BlockingQueue<Received> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", browser.cookieHeader())
                .header("Origin", "http://localhost:" + a.uri("").getPort())
                .buildAsync(URI.create("ws://localhost:" + a.uri("").getPort() + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        frames.add(new Received(System.nanoTime(), data.toString()));
                        ws.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(5, TimeUnit.SECONDS).frame()).contains("\"hello\"");

        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            long posted = System.nanoTime();
            HttpResponse<String> message =
                    b.post("/api/v1/conversations/" + groupId + "/messages", lina, "{\"text\":\"消息 " + i + "\"}");
            assertThat(message.statusCode()).as(message.body()).isEqualTo(201);
            Received received = next(frames, "message");
            assertThat(JsonPath.<Integer>read(received.frame(), "$.seq")).isEqualTo(i);
            if (i > 3) {
                millis.add(TimeUnit.NANOSECONDS.toMillis(received.nanos() - posted));
            }
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println("Chat nodes: posted on B, received on A's socket after " + millis
                + " ms (from sending the post; median " + sorted.get(sorted.size() / 2) + " ms)");
        assertThat(sorted.get(sorted.size() / 2)).as("the median, in ms").isLessThan(200);
        assertThat(sorted.get(sorted.size() - 2))
                .as("all but the slowest, in ms")
                .isLessThan(200);
    }

    private String token(String login, String password) throws Exception {
        HttpResponse<String> created = a.post("/api/v1/tokens", basic(login, password), "{\"name\":\"n\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return "Bearer " + JsonPath.read(created.body(), "$.token");
    }

    /** The next frame of {@code type} within five seconds, others (read marks, pings) skipped. */
    private static Received next(BlockingQueue<Received> frames, String type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            Received received = frames.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (received != null && type.equals(JsonPath.read(received.frame(), "$.type"))) {
                return received;
            }
        }
        throw new AssertionError("No " + type + " frame within five seconds");
    }
}
