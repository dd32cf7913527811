package io.liaison.shared.database;

import static io.liaison.shared.database.LiaisonProcess.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.liaison.integration.NumberedContacts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Liaison processes on one PostgreSQL, as behind a load balancer without sticky sessions: each
 * request of a test goes to the node it names. The nodes share the database (sessions, tokens,
 * members, db-scheduler's queue) and the data directory (uploaded files). No test waits for a cache
 * to expire: a change made on one node is checked on the other with the very next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesRuntimeIntegrationTests {

    private static final String PASSWORD = "several-nodes-password";
    private static final Duration PURGE_INTERVAL = Duration.ofSeconds(2);
    private static final String PURGE_TASK = "contact-trash-purge";

    private EmbeddedPostgres database;
    private LiaisonProcess a;
    private LiaisonProcess b;
    private String admin;

    @BeforeAll
    void startTwoNodes(@TempDir Path work) throws Exception {
        database = SharedDatabaseNodes.startDatabase();
        Path data = work.resolve("data");
        // Both start together on the empty database: one migrates it and creates the organization.
        a = node(data, "node-a");
        b = node(data, "node-b");
        a.awaitHealthy();
        b.awaitHealthy();
        admin = bearer(JsonPath.read(createToken(a, basic("admin", PASSWORD)), "$.token"));
    }

    /** Small import batches; the trash purge runs every two seconds and purges what was trashed a second ago. */
    private LiaisonProcess node(Path data, String name) throws Exception {
        return SharedDatabaseNodes.launch(
                database,
                data,
                name,
                PASSWORD,
                Map.of(
                        "LIAISON_IMPORTS_BATCH_SIZE", "300",
                        "LIAISON_TRASH_RETENTION", "1s",
                        "LIAISON_TRASH_PURGE_INTERVAL", PURGE_INTERVAL.toSeconds() + "s"));
    }

    @AfterAll
    void stopEverything() throws Exception {
        SharedDatabaseNodes.close(a, b);
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void aSessionStartedOnOneNodeServesTheOtherUntilItIsLoggedOutOnEither() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.logIn(a, "admin", PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        assertThat(location(login)).doesNotContain("/login");

        assertThat(browser.get(b, "/contacts").statusCode()).isEqualTo(200);
        assertThat(browser.htmx(b, "/contacts").statusCode()).isEqualTo(200);
        HttpResponse<String> created = browser.submit(b, "/departments", "/departments", Map.of("name", "Filiale B"));
        assertThat(created.statusCode())
                .as("a form posted on B with the CSRF token of the session")
                .isEqualTo(200);
        assertThat(departments(a)).contains("Filiale B");

        Browser keptCookies = browser.copy();
        HttpResponse<String> logout = browser.submit(b, "/contacts", "/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).endsWith("/login?logout");
        HttpResponse<String> afterLogout = keptCookies.get(a, "/contacts");
        assertThat(afterLogout.statusCode()).as("the old session cookie on A").isEqualTo(302);
        assertThat(location(afterLogout)).endsWith("/login");
    }

    @Test
    @Order(2)
    void aTokenRevokedOrAMemberDeactivatedOnOneNodeIsRefusedOnTheOtherAtOnce() throws Exception {
        String created = createToken(a, admin);
        String token = bearer(JsonPath.read(created, "$.token"));
        assertThat(b.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        assertThat(a.delete("/api/v1/tokens/" + JsonPath.read(created, "$.id"), admin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(b.get("/api/v1/me", token).statusCode())
                .as("the revoked token on B")
                .isEqualTo(401);

        HttpResponse<String> member = a.post(
                "/api/v1/members",
                admin,
                "{\"login\":\"wanderer\",\"displayName\":\"Wanderer\",\"role\":\"MEMBER\","
                        + "\"password\":\"wanderer-password-42\"}");
        assertThat(member.statusCode()).as(member.body()).isEqualTo(201);
        String memberId = JsonPath.read(member.body(), "$.id");
        String memberToken =
                bearer(JsonPath.read(createToken(a, basic("wanderer", "wanderer-password-42")), "$.token"));
        Browser browser = new Browser();
        assertThat(browser.logIn(a, "wanderer", "wanderer-password-42").statusCode())
                .isEqualTo(302);
        // B serves the member first, so that anything it keeps of them would be stale below.
        assertThat(browser.get(b, "/contacts").statusCode()).isEqualTo(200);
        assertThat(b.get("/api/v1/me", memberToken).statusCode()).isEqualTo(200);

        HttpResponse<String> deactivated = a.post("/api/v1/members/" + memberId + "/deactivate", admin, "");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isBetween(200, 204);
        HttpResponse<String> page = browser.get(b, "/contacts");
        assertThat(page.statusCode())
                .as("the deactivated member's session on B")
                .isEqualTo(302);
        assertThat(location(page)).endsWith("/login");
        assertThat(b.get("/api/v1/me", memberToken).statusCode())
                .as("the deactivated member's token on B")
                .isEqualTo(401);
    }

    @Test
    @Order(3)
    void theTrashPurgeRunsOnceForEachTimeItIsDueAcrossTheNodes() throws Exception {
        for (LiaisonProcess node : List.of(a, b)) {
            HttpResponse<String> contact = node.post("/api/v1/contacts", admin, "{\"name\":\"Vergänglich\"}");
            assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
            String id = JsonPath.read(contact.body(), "$.id");
            assertThat(node.delete("/api/v1/contacts/" + id, admin).statusCode())
                    .isEqualTo(204);
        }
        Instant deadline = Instant.now().plusSeconds(20);
        while (trashed() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(trashed()).as("contacts left in the trash").isZero();

        // With a fixed delay, each run is due PURGE_INTERVAL after the previous one ended: in a window
        // of length L at most L / PURGE_INTERVAL + 1 runs end. Both nodes running each due time would
        // end about twice as many.
        long start = System.nanoTime();
        double before = purgeRuns(a) + purgeRuns(b);
        Thread.sleep(PURGE_INTERVAL.multipliedBy(5).toMillis());
        double after = purgeRuns(a) + purgeRuns(b);
        Duration window = Duration.ofNanos(System.nanoTime() - start);
        long dueTimes = window.toMillis() / PURGE_INTERVAL.toMillis() + 1;
        assertThat(after - before).as("purge runs on both nodes in %s", window).isBetween(2.0, (double) dueTimes);
    }

    @Test
    @Order(4)
    void anImportWhoseNodeIsKilledIsFinishedByTheOtherNodeWithEveryRowOnce() throws Exception {
        int rows = 9_000;
        byte[] csv = NumberedContacts.csv("姓名,手机", "节点", "1890", rows);
        HttpResponse<String> started = a.upload("/api/v1/imports", admin, "nodes.csv", csv);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JsonPath.read(started.body(), "$.id");

        int processed = 0;
        Instant deadline = Instant.now().plusSeconds(60);
        while (processed < 600 && Instant.now().isBefore(deadline)) {
            processed = JsonPath.read(job(b, id), "$.processed");
            Thread.sleep(20);
        }
        // The node that picked the job (usually A, where it was started) dies; the other finishes it.
        String holder = pickedBy(id);
        LiaisonProcess killed = "node-b".equals(holder) ? b : a;
        LiaisonProcess survivor = killed == a ? b : a;
        killed.kill();
        assertThat(processed).as("rows committed when %s was killed", holder).isBetween(600, rows - 1);

        String done = job(survivor, id);
        deadline = Instant.now().plusSeconds(60);
        while (!JsonPath.read(done, "$.status").equals("completed")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            done = job(survivor, id);
        }
        assertThat((String) JsonPath.read(done, "$.status")).as(done).isEqualTo("completed");
        assertThat((Integer) JsonPath.read(done, "$.created")).isEqualTo(rows);
        assertThat((Integer) JsonPath.read(done, "$.skipped")).isZero();
        assertThat((Integer) JsonPath.read(done, "$.failed")).isZero();
        HttpResponse<String> count = survivor.get("/api/v1/contacts/count?q=节点", admin);
        assertThat((Integer) JsonPath.read(count.body(), "$.count")).isEqualTo(rows);
        assertThat((Boolean) JsonPath.read(count.body(), "$.exact")).isTrue();
    }

    /** The scheduler that holds the import's task, from db-scheduler's queue. */
    private @Nullable String pickedBy(String importId) throws Exception {
        try (Connection c = database.getPostgresDatabase().getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT picked_by FROM scheduled_tasks WHERE task_name = 'contact-import' AND task_instance = ?")) {
            query.setString(1, importId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Runs of the trash purge that ended on {@code node}, from its own metrics. */
    private double purgeRuns(LiaisonProcess node) throws Exception {
        HttpResponse<String> metrics = node.get("/actuator/prometheus", admin);
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body()
                .lines()
                .filter(line -> line.startsWith("dbscheduler_task_completions_total{"))
                .filter(line -> line.contains("task=\"" + PURGE_TASK + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private int trashed() throws Exception {
        HttpResponse<String> trash = b.get("/api/v1/trash/contacts", admin);
        assertThat(trash.statusCode()).as(trash.body()).isEqualTo(200);
        return JsonPath.<List<Object>>read(trash.body(), "$.items").size();
    }

    private List<String> departments(LiaisonProcess node) throws Exception {
        HttpResponse<String> list = node.get("/api/v1/departments", admin);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JsonPath.read(list.body(), "$.items[*].name");
    }

    private static String createToken(LiaisonProcess node, String authorization) throws Exception {
        HttpResponse<String> created = node.post("/api/v1/tokens", authorization, "{\"name\":\"nodes\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.body();
    }

    private String job(LiaisonProcess node, String id) throws Exception {
        HttpResponse<String> job = node.get("/api/v1/imports/" + id, admin);
        assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
        return job.body();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
