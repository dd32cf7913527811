package io.liaison.shared.database;

import static io.liaison.shared.database.LiaisonProcess.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push sent now starts as soon as it is made, not at the scheduler's next look for due work: here
 * that look comes once an hour, so a push that waited for it would still be scheduled. The push's
 * task commits two seconds after it is scheduled (a deferred trigger, as a busy database would), so
 * that the look the scheduler takes when the task is scheduled always comes before the commit.
 */
class PushStartRuntimeIntegrationTests {

    private static final String PASSWORD = "push-start-password";

    @Test
    void aPushSentNowStartsWithoutWaitingForTheSchedulersNextPoll(@TempDir Path work) throws Exception {
        LiaisonProcess liaison = null;
        try (EmbeddedPostgres database = SharedDatabaseNodes.startDatabase()) {
            liaison = SharedDatabaseNodes.launch(
                    database,
                    work.resolve("data"),
                    "push-start",
                    PASSWORD,
                    Map.of("DBSCHEDULER_POLLINGINTERVAL", "1h"));
            liaison.awaitHealthy();
            try (Connection c = database.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$BEGIN PERFORM pg_sleep(2); RETURN NULL; END$$");
                s.execute("CREATE CONSTRAINT TRIGGER push_task_slow_commit AFTER INSERT ON scheduled_tasks"
                        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.task_name = 'push-send')"
                        + " EXECUTE FUNCTION slow_commit()");
            }
            HttpResponse<String> token =
                    liaison.post("/api/v1/tokens", basic("admin", PASSWORD), "{\"name\":\"push\"}");
            assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
            String admin = "Bearer " + JsonPath.read(token.body(), "$.token");
            HttpResponse<String> contact = liaison.post("/api/v1/contacts", admin, """
                    {"name":"王芳","emails":[{"label":"work","address":"wang.fang@customer.example"}]}
                    """);
            assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);

            HttpResponse<String> created = liaison.post("/api/v1/pushes", admin, """
                    {"name":"现在发","content":{"subject":"{{name}}，你好","body":"新品到了"},
                     "audience":{"filter":{}}}
                    """);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String push = JsonPath.read(created.body(), "$.id");

            String state = "scheduled";
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (state.equals("scheduled") && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                state = JsonPath.read(
                        liaison.get("/api/v1/pushes/" + push, admin).body(), "$.state");
            }
            assertThat(state).as("the push a minute after it was made").isIn("sending", "done");
        } finally {
            SharedDatabaseNodes.close(liaison);
        }
    }
}
