package io.liaison.shared.database;

import static io.liaison.shared.database.LiaisonProcess.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Liaison processes on one PostgreSQL: a notification raised on node A reaches the bell's
 * server-sent stream of a browser connected to node B, through LISTEN/NOTIFY, without a reload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationNodesRuntimeIntegrationTests {

    private static final String PASSWORD = "notify-nodes-password";

    private EmbeddedPostgres database;
    private LiaisonProcess a;
    private LiaisonProcess b;

    @BeforeAll
    void startTwoNodes(@TempDir Path work) throws Exception {
        database = EmbeddedPostgres.builder()
                .setLocaleConfig("lc-collate", "C")
                .setLocaleConfig("lc-ctype", "C.UTF-8")
                .start();
        Path data = work.resolve("data");
        a = node(data);
        a.awaitHealthy();
        b = node(data);
        b.awaitHealthy();
    }

    private LiaisonProcess node(Path data) throws Exception {
        return LiaisonProcess.launch(
                data,
                Map.of(
                        "LIAISON_DB_URL",
                        "jdbc:postgresql://localhost:" + database.getPort() + "/postgres",
                        "LIAISON_DB_USER",
                        "postgres",
                        "LIAISON_DB_PASSWORD",
                        "x",
                        "LIAISON_ADMIN_PASSWORD",
                        PASSWORD));
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (LiaisonProcess node : new LiaisonProcess[] {a, b}) {
            if (node != null) {
                node.close();
                Files.writeString(Path.of("target", "notify-nodes-" + node.pid() + ".log"), node.log());
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aNotificationRaisedOnOneNodeReachesTheBellOfABrowserOnTheOther() throws Exception {
        String admin = "Bearer "
                + JsonPath.read(
                        a.post("/api/v1/tokens", basic("admin", PASSWORD), "{\"name\":\"n\"}")
                                .body(),
                        "$.token");
        String adminId = JsonPath.read(a.get("/api/v1/me", admin).body(), "$.id");
        HttpResponse<String> member = a.post(
                "/api/v1/members",
                admin,
                "{\"login\":\"lina\",\"displayName\":\"Li Na\",\"role\":\"MEMBER\",\"password\":\"li-na-password-1\"}");
        assertThat(member.statusCode()).as(member.body()).isEqualTo(201);
        String lina = "Bearer "
                + JsonPath.read(
                        a.post("/api/v1/tokens", basic("lina", "li-na-password-1"), "{\"name\":\"n\"}")
                                .body(),
                        "$.token");

        Browser browser = new Browser();
        assertThat(browser.logIn(b, "admin", PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<Stream<String>> stream = browser.stream(b, "/notifications/stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        Iterator<String> lines = stream.body().iterator();
        assertThat(nextData(lines)).as("the count when the stream opens").isEqualTo("0");

        long shared = System.nanoTime();
        HttpResponse<String> contact =
                a.post("/api/v1/contacts", lina, "{\"name\":\"张三\",\"shareUserIds\":[\"" + adminId + "\"]}");
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
        String count = CompletableFuture.supplyAsync(() -> nextData(lines)).get(10, TimeUnit.SECONDS);
        System.out.println("Notify nodes: shared on A, counted on B's stream after "
                + (System.nanoTime() - shared) / 1_000_000 + " ms");
        assertThat(count).isEqualTo("1");
        stream.body().close();
    }

    private static String nextData(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                return line.substring("data:".length()).strip();
            }
        }
        return "";
    }
}
