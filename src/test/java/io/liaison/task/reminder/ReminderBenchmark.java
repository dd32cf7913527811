package io.liaison.task.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BenchData;
import io.liaison.BenchDatabase;
import io.liaison.BenchProcess;
import io.liaison.contact.BenchReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reminders at scale: 10^6 scheduled, 10^5 of them due in the same minute (evenly, one per task, each
 * task of one of {@code benchmark.members} members). Liaison runs from its jar in its own JVM ({@code
 * -Xmx512m}, GC log, JFR recording, the scheduler on, {@code benchmark.workers} reminder workers) on a
 * small demo data directory of its own ({@link BenchData}), which gets the members, tasks and
 * reminders through SQL. Measured, one after the other in the same run: the fire lag (fired minus due)
 * of the due reminders of the floor (bare JDBC claimers with {@code SKIP LOCKED}, as many as the
 * workers, that mark rows fired and do nothing else: {@link ReminderFloors}), of a db-scheduler
 * one-time execution per reminder doing nothing (the design not taken), and of Liaison, which raises
 * each reminder's notification. Target: Liaison's p99 less than 1 s over the floor's; heap ≤ 512 MB.
 * Reported, not asserted (the machine is shared); asserted: every due reminder fired. Writes {@code
 * target/benchmark/reminders.md}; what it wrote in the database is removed at the end.
 */
@Tag("benchmark")
class ReminderBenchmark {

    static final String TITLE = "提醒基准任务 ";
    static final double TARGET_P99_OVER_FLOOR = 1.0;

    private final int total = Integer.getInteger("benchmark.reminders", 1_000_000);
    private final int due = Integer.getInteger("benchmark.due", 100_000);
    private final int members = Integer.getInteger("benchmark.members", 1_000);
    private final int workers = Integer.getInteger("benchmark.workers", 4);
    private final int contacts = Integer.getInteger("benchmark.contacts", 1_000);
    private final boolean dbScheduler = Boolean.parseBoolean(System.getProperty("benchmark.db-scheduler", "true"));
    private final Duration window = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 60));
    private final Duration lead = Duration.ofSeconds(15);
    private final Duration timeout = Duration.ofSeconds(Integer.getInteger("benchmark.timeout", 600));
    private final long seed = Long.getLong("benchmark.seed", 42);
    private final Path dataRoot = Path.of(System.getProperty(
            "benchmark.data", System.getProperty("java.io.tmpdir") + "/liaison-benchmark-reminders"));
    private final Path jar = Path.of(System.getProperty("benchmark.jar", "target/liaison.jar"));
    private final Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark/reminders.md"));

    @Test
    void remindersDueInOneMinute() throws Exception {
        Path dir = BenchData.prepare(dataRoot, contacts, seed, jar);
        Path logs = Files.createDirectories(output.toAbsolutePath().getParent());
        Path recording = logs.resolve("reminders.jfr");
        BenchProcess started = BenchProcess.start(
                        "reminder-liaison",
                        logs,
                        List.of(
                                "-XX:StartFlightRecording=filename=" + recording + ",settings=profile",
                                "-jar",
                                jar.toAbsolutePath().toString()),
                        List.of("--server.port=%PORT%", "--logging.level.root=WARN"),
                        Map.of(
                                "LIAISON_DATA_DIR",
                                dir.toAbsolutePath().toString(),
                                "LIAISON_DB_URL",
                                "",
                                "LIAISON_DB_USER",
                                "",
                                "LIAISON_DB_PASSWORD",
                                "",
                                "LIAISON_REMINDER_WORKERS",
                                Integer.toString(workers),
                                // the delivery workers' 8 threads, the reminder workers' and 4 for the rest
                                "LIAISON_SCHEDULER_THREADS",
                                Integer.toString(8 + workers + 4)))
                .awaitAnswer("/actuator/health", 200);
        long postmaster = 0;
        List<String> report = new ArrayList<>();
        try (BenchProcess liaison = started;
                BenchDatabase database = BenchDatabase.open(dir)) {
            postmaster = database.postmaster;
            UUID orgId = database.jdbc
                    .sql("SELECT org_id FROM member WHERE id = ?")
                    .param(database.demoAdmin())
                    .query(UUID.class)
                    .single();
            clean(database, orgId);
            try {
                report = measure(database, liaison, orgId, recording);
            } finally {
                clean(database, orgId);
            }
        } finally {
            if (postmaster != 0) {
                BenchDatabase.stopLeftover(postmaster);
            }
        }
        Files.writeString(output, String.join("\n", report) + "\n");
        System.out.println(String.join("\n", report));
        System.out.println("benchmark: written to " + output.toAbsolutePath());
    }

    private List<String> measure(BenchDatabase database, BenchProcess liaison, UUID orgId, Path recording)
            throws Exception {
        String loadBefore = load();
        Instant seeding = Instant.now();
        seed(database, orgId);
        double seeded = seconds(seeding, Instant.now());

        ReminderFloors.fillFloor(database);
        Instant floorAt = Instant.now().plus(lead);
        ReminderFloors.planDue(database, ReminderFloors.TABLE, TITLE, floorAt, window);
        ReminderFloors.Lags floor =
                ReminderFloors.claimFloor(database, workers, floorAt, floorAt.plus(window), timeout);
        ReminderFloors.dropFloor(database);

        Instant schedulerAt = Instant.now().plus(lead);
        ReminderFloors.Lags scheduler =
                ReminderFloors.dbScheduler(database, 10, total - due, due, schedulerAt, window, timeout);

        long cpu = liaison.cpuMillis();
        long postgresCpu = database.cpuMillis();
        Instant at = Instant.now().plus(lead);
        int planned = ReminderFloors.planDue(database, "task_reminder", TITLE, at, window);
        Instant deadline = at.plus(window).plus(timeout);
        while (unfired(database, at.plus(window)) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        Instant end = Instant.now();
        double liaisonCpu = (liaison.cpuMillis() - cpu) / 1000.0;
        double databaseCpu = (database.cpuMillis() - postgresCpu) / 1000.0;
        ReminderFloors.Lags fired = ReminderFloors.lags(database, "task_reminder", at, at.plus(window));
        long notified = database.jdbc
                .sql(
                        "SELECT count(*) FROM notification WHERE org_id = ? AND kind = 'task.reminder' AND created_at >= ?")
                .params(orgId, java.sql.Timestamp.from(at.minus(lead)))
                .query(Long.class)
                .single();
        BenchProcess.Heap heap = liaison.heap();

        double overFloor = percentile(fired, 0.99) - percentile(floor, 0.99);
        List<String> report = new ArrayList<>(List.of(
                "# Reminder benchmark",
                "",
                BenchReport.machine() + "; Liaison " + String.join(" ", BenchProcess.JVM_FLAGS) + "; PostgreSQL "
                        + database.version + "; " + OffsetDateTime.now().withNano(0) + ".",
                String.format(
                        Locale.ROOT,
                        "%,d reminders scheduled, %,d due evenly over %d s (one per task; %,d members); %d workers"
                                + " (Liaison's and the floor's); seeded in %.0f s. Load average before: %s, after: %s.",
                        total,
                        due,
                        window.toSeconds(),
                        members,
                        workers,
                        seeded,
                        loadBefore,
                        load()),
                "",
                "| fire lag of the due reminders | fired | p50 | p99 | max |",
                "|---|---:|---:|---:|---:|",
                row("floor: bare JDBC, SKIP LOCKED claim and mark", floor),
                dbScheduler
                        ? row("db-scheduler, one no-op execution per reminder (10 threads, lock-and-fetch)", scheduler)
                        : "| db-scheduler, one no-op execution per reminder | not run | | | |",
                row("Liaison: claim, describe, raise the notification, mark", fired),
                "",
                String.format(
                        Locale.ROOT,
                        "Liaison's p99 is %.2f s over the floor's: target < %.0f s %s. %,d of %,d planned reminders"
                                + " rang a bell. CPU while Liaison fired (%.0f s): Liaison %.0f s, PostgreSQL %.0f s.",
                        overFloor,
                        TARGET_P99_OVER_FLOOR,
                        overFloor < TARGET_P99_OVER_FLOOR ? "met" : "**missed**",
                        notified,
                        planned,
                        seconds(at, end),
                        liaisonCpu,
                        databaseCpu),
                BenchReport.heap("Liaison", heap, true),
                "JFR recording: " + recording + "."));
        assertThat(fired.seconds()).as("due reminders").hasSize(planned).allMatch(Double::isFinite);
        return report;
    }

    /** The benchmark's members (made once), one task each of {@code due} tasks, and the reminders due later. */
    private void seed(BenchDatabase database, UUID orgId) {
        database.jdbc.sql("""
                        INSERT INTO member (id, org_id, login, display_name, role_id, password_hash)
                        SELECT gen_random_uuid(), m.org_id, 'reminder-bench-' || lpad(g::text, 5, '0'), '提醒成员 ' || g,
                               m.role_id, m.password_hash
                          FROM member m, generate_series(1, ?) g
                         WHERE m.org_id = ? AND m.login = 'demo-01'
                        ON CONFLICT DO NOTHING
                        """).params(members, orgId).update();
        database.jdbc.sql("""
                        INSERT INTO task (org_id, id, title, due_at, time_zone, created_by)
                        SELECT ?, gen_random_uuid(), ? || g, now() + interval '2 days', 'Asia/Shanghai', b.id
                          FROM generate_series(0, ? - 1) g
                          JOIN (SELECT id, row_number() OVER (ORDER BY login) - 1 AS n FROM member
                                 WHERE org_id = ? AND login LIKE 'reminder-bench-%') b ON b.n = g % ?
                        """).params(orgId, TITLE, due, orgId, members).update();
        int perTask = (total - due) / due;
        database.jdbc.sql("""
                        INSERT INTO task_reminder (org_id, id, subject_kind, subject_id, member_id, fire_at)
                        SELECT t.org_id, gen_random_uuid(), 'task', t.id, t.created_by,
                               now() + k * interval '1 day' + random() * interval '1 hour'
                          FROM task t, generate_series(1, ?) k
                         WHERE t.org_id = ? AND t.title LIKE ?
                        """).params(perTask, orgId, TITLE + "%").update();
        database.jdbc.sql("ANALYZE task_reminder").update();
        database.jdbc.sql("ANALYZE task").update();
    }

    private void clean(BenchDatabase database, UUID orgId) throws Exception {
        ReminderFloors.dropFloor(database);
        database.jdbc
                .sql("DELETE FROM notification WHERE org_id = ? AND kind = 'task.reminder'")
                .param(orgId)
                .update();
        database.jdbc
                .sql("DELETE FROM task_reminder WHERE org_id = ? AND subject_kind = 'task'")
                .param(orgId)
                .update();
        database.jdbc
                .sql("DELETE FROM task WHERE org_id = ? AND title LIKE ?")
                .params(orgId, TITLE + "%")
                .update();
        database.jdbc
                .sql("DELETE FROM scheduled_tasks WHERE task_name = ?")
                .param(ReminderFloors.NOOP)
                .update();
    }

    private static long unfired(BenchDatabase database, Instant before) {
        return database.jdbc
                .sql("SELECT count(*) FROM task_reminder WHERE fired_at IS NULL AND fire_at < ?")
                .param(java.sql.Timestamp.from(before))
                .query(Long.class)
                .single();
    }

    private static String row(String what, ReminderFloors.Lags lags) {
        long fired = lags.seconds().stream().filter(Double::isFinite).count();
        return String.format(
                Locale.ROOT,
                "| %s | %,d of %,d | %.3f s | %.3f s | %.3f s |",
                what,
                fired,
                lags.seconds().size(),
                percentile(lags, 0.5),
                percentile(lags, 0.99),
                percentile(lags, 1.0));
    }

    static double percentile(ReminderFloors.Lags lags, double p) {
        List<Double> sorted = new ArrayList<>(lags.seconds());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
