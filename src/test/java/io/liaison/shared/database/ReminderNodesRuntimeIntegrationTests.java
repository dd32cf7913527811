package io.liaison.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders on two Liaison processes sharing one database, fired by their scheduler's workers: the
 * node running a worker is killed while reminders are firing and started again; every reminder tells
 * its member exactly once (one bell row each, none twice, none left unfired), and the reminders planned
 * after the restart, with the other node stopped, are fired by the restarted node, also once.
 */
class ReminderNodesRuntimeIntegrationTests {

    private static final String PASSWORD = "reminder-nodes-password";
    /** Fewer than the notifications a member keeps (1,000), so that every one can be counted. */
    private static final int FIRST = 800;

    private static final int SECOND = 100;

    @Test
    void everyReminderIsToldOnceAcrossTwoNodesAKillAndARestart(@TempDir Path work) throws Exception {
        LiaisonProcess a = null;
        LiaisonProcess b = null;
        LiaisonProcess restarted = null;
        EmbeddedPostgres database = SharedDatabaseNodes.startDatabase();
        try {
            Path data = work.resolve("data");
            Map<String, String> env = Map.of("LIAISON_REMINDER_WORKERS", "2");
            a = SharedDatabaseNodes.launch(database, data, "node-a", PASSWORD, env);
            b = SharedDatabaseNodes.launch(database, data, "node-b", PASSWORD, env);
            a.awaitHealthy();
            b.awaitHealthy();

            // the administrator's tasks, each with one reminder, due over ten seconds from now
            plan(database, 1, FIRST, 3, 10);
            await(database, "SELECT count(*) >= 150 FROM task_reminder WHERE fired_at IS NOT NULL", 90);
            String holder = value(database, """
                    SELECT coalesce(min(picked_by), 'node-a') FROM scheduled_tasks
                     WHERE task_name = 'task-reminders' AND picked
                    """);
            LiaisonProcess killed = "node-b".equals(holder) ? b : a;
            LiaisonProcess survivor = killed == a ? b : a;
            killed.kill();
            assertThat(count(database, "SELECT count(*) FROM task_reminder WHERE fired_at IS NULL"))
                    .as("reminders still to fire when %s was killed", holder)
                    .isPositive();
            restarted = SharedDatabaseNodes.launch(database, data, holder, PASSWORD, env);
            restarted.awaitHealthy();
            await(database, "SELECT count(*) = 0 FROM task_reminder WHERE fired_at IS NULL", 120);
            assertToldOnce(database, FIRST);

            survivor.stop();
            plan(database, FIRST + 1, SECOND, 2, 2);
            await(database, "SELECT count(*) = 0 FROM task_reminder WHERE fired_at IS NULL", 120);
            assertToldOnce(database, FIRST + SECOND);
            assertThat(restarted.isAlive()).isTrue();
        } finally {
            SharedDatabaseNodes.close(a, b, restarted);
            database.close();
        }
    }

    /** Tasks {@code from} to {@code from + n - 1} of the administrator, each reminding them once, {@code after} to {@code after + over} seconds from now. */
    private static void plan(EmbeddedPostgres database, int from, int n, int after, int over) throws Exception {
        sql(database, """
                INSERT INTO task (org_id, id, title, due_at, time_zone, created_by)
                SELECT m.org_id, gen_random_uuid(), '节点任务 ' || g, now() + interval '1 day', 'Asia/Shanghai', m.id
                  FROM member m, generate_series(%d, %d) g WHERE m.login = 'admin'
                """.formatted(from, from + n - 1));
        sql(database, """
                INSERT INTO task_reminder (org_id, id, subject_kind, subject_id, member_id, fire_at)
                SELECT t.org_id, gen_random_uuid(), 'task', t.id, t.created_by,
                       now() + make_interval(secs => %d + %d * random())
                  FROM task t
                 WHERE NOT EXISTS (SELECT 1 FROM task_reminder r WHERE r.org_id = t.org_id AND r.subject_id = t.id)
                """.formatted(after, over));
    }

    private static void assertToldOnce(EmbeddedPostgres database, int reminders) throws Exception {
        assertThat(value(database, "SELECT string_agg(DISTINCT outcome, ',') FROM task_reminder"))
                .isEqualTo("notified");
        assertThat(count(database, "SELECT count(*) FROM notification WHERE kind = 'task.reminder'"))
                .as("one bell row for each reminder")
                .isEqualTo(reminders);
        assertThat(count(database, "SELECT count(DISTINCT link) FROM notification WHERE kind = 'task.reminder'"))
                .as("none told twice")
                .isEqualTo(reminders);
    }

    private static void await(EmbeddedPostgres database, String condition, int seconds) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        while (!"t".equals(value(database, condition))) {
            assertThat(Instant.now()).as(condition).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void sql(EmbeddedPostgres database, String statement) throws Exception {
        try (Connection c = database.getPostgresDatabase().getConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            s.executeUpdate();
        }
    }

    private static long count(EmbeddedPostgres database, String query) throws Exception {
        return Long.parseLong(value(database, query));
    }

    private static String value(EmbeddedPostgres database, String query) throws Exception {
        try (Connection c = database.getPostgresDatabase().getConnection();
                PreparedStatement s = c.prepareStatement(query);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }
}
