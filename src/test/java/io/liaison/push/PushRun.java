package io.liaison.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BenchDatabase;
import io.liaison.BenchProcess;
import io.liaison.channel.send.FakeSmtpServer;
import io.liaison.contact.BenchReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One size of {@link PushBenchmark}: the settings raised, the floor, the push and its resolve, the
 * drain window, the cancel, the floor again, the figures; then everything the benchmark wrote removed
 * and the settings put back.
 */
final class PushRun {

    private final PushBenchmark.Api api;
    private final BenchDatabase database;
    private final FakeSmtpServer sink;
    private final BenchProcess liaison;
    private final Duration window;
    private final UUID orgId;

    PushRun(PushBenchmark.Api api, BenchDatabase database, FakeSmtpServer sink, BenchProcess liaison, Duration window) {
        this.api = api;
        this.database = database;
        this.sink = sink;
        this.liaison = liaison;
        this.window = window;
        this.orgId = api.admin.orgId();
    }

    List<String> measure(int size, Path recording) throws Exception {
        purge(database.jdbc
                .sql("SELECT id FROM push WHERE org_id = ? AND name LIKE ?")
                .params(orgId, PushBenchmark.NAME + "%")
                .query(UUID.class)
                .list());
        String settingsBefore =
                api.call("GET", "/api/v1/push-settings", null, 200).toString();
        api.call(
                "PUT",
                "/api/v1/push-settings",
                "{\"perDay\":0,\"perMonth\":0,\"approvalOver\":null,\"quietHours\":null,\"maxRecipients\":10000000}",
                200);
        List<UUID> written = new ArrayList<>();
        PushFloor floor = null;
        try {
            long contacts = database.jdbc
                    .sql("SELECT count(*) FROM contact WHERE org_id = ? AND trashed_at IS NULL")
                    .param(orgId)
                    .query(Long.class)
                    .single();
            String loadBefore = PushBenchmark.load();
            floor = PushFloor.record(database, api.admin, PushBenchmark.everyone(), PushBenchmark.NAME + " floor");
            PushFloor.Run floorBefore = floor.run();
            System.out.printf(
                    Locale.ROOT,
                    "benchmark: floor %,d rows in %.2f s (%,.0f/s)%n",
                    floorBefore.rows(),
                    floorBefore.seconds(),
                    floorBefore.perSecond());

            long liaisonCpu = liaison.cpuMillis();
            long postgresCpu = database.cpuMillis();
            Instant posted = Instant.now();
            JsonNode push = api.call(
                    "POST",
                    "/api/v1/pushes",
                    api.write(Map.of(
                            "name",
                            PushBenchmark.NAME + " " + size,
                            "content",
                            Map.of(
                                    "subject",
                                    "{{name}}, the December news",
                                    "body",
                                    "Hello {{name}},\n\nour **December** news is out. See you soon!"),
                            "audience",
                            Map.of("filter", Map.of()))),
                    201);
            Instant answered = Instant.now();
            UUID pushId = PushBenchmark.id(push);
            written.add(pushId);
            Instant resolved = awaitResolved(pushId);
            Instant started = database.jdbc
                    .sql("SELECT started_at FROM push WHERE org_id = ? AND id = ?")
                    .params(orgId, pushId)
                    .query(Timestamp.class)
                    .single()
                    .toInstant();
            long resolveLiaisonCpu = liaison.cpuMillis() - liaisonCpu;
            long resolvePostgresCpu = database.cpuMillis() - postgresCpu;
            System.out.printf(
                    Locale.ROOT,
                    "benchmark: push answered in %.2f s, resolved %.2f s after the POST (the resolve step %.2f s)%n",
                    PushBenchmark.seconds(posted, answered),
                    PushBenchmark.seconds(posted, resolved),
                    PushBenchmark.seconds(started, resolved));

            Drain drain = drain();
            Map<String, Long> deliveries = deliveries();
            JsonNode cancelled = api.call("POST", "/api/v1/pushes/" + pushId + "/cancel", null, 200);
            PushFloor.Run floorAfter = floor.run();
            Path plan = recording.resolveSibling("push-plan.txt");
            Files.writeString(plan, floor.explain());
            BenchProcess.Heap heap = liaison.heap();
            Map<String, Long> reasons = reasons(pushId);
            long recipients =
                    reasons.values().stream().mapToLong(Long::longValue).sum();
            String loadAfter = PushBenchmark.load();

            PushFloor.Run best = floorBefore.perSecond() >= floorAfter.perSecond() ? floorBefore : floorAfter;
            double total = PushBenchmark.seconds(posted, resolved);
            double step = PushBenchmark.seconds(started, resolved);
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "## %,d contacts", contacts));
            lines.add("");
            lines.add(String.format(
                    Locale.ROOT,
                    "%s; load average %s before, %s after. One e-mail push by the administrator (scope ALL) to"
                            + " the filter {}: %,d recipients written (%s); counts after the cancel: %s.",
                    PushBenchmark.now(),
                    loadBefore,
                    loadAfter,
                    recipients,
                    describe(reasons),
                    cancelled.get("counts")));
            lines.add("");
            lines.add("| | seconds | recipients/s | ratio to the floor |");
            lines.add("|---|---:|---:|---:|");
            lines.add(row("POST to every recipient written", total, recipients, best));
            lines.add(
                    row("  of which the POST (counts the audience)", PushBenchmark.seconds(posted, answered), 0, best));
            lines.add(row("  of which the resolve step (its transaction)", step, recipients, best));
            lines.add(row("bare INSERT ... SELECT, before the push", floorBefore.seconds(), floorBefore.rows(), best));
            lines.add(row("bare INSERT ... SELECT, after the push", floorAfter.seconds(), floorAfter.rows(), best));
            lines.add("");
            double ratio = recipients / total / best.perSecond();
            lines.add(String.format(
                    Locale.ROOT,
                    "Targets: ≤ %d s: %s (%.1f s); ≥ %.1f× the floor's rate (the faster of its two runs): %s (%.2f)."
                            + " CPU while resolving: Liaison's JVM %.1f s, PostgreSQL %.1f s.",
                    PushBenchmark.TARGET_TIME.toSeconds(),
                    total <= PushBenchmark.TARGET_TIME.toSeconds() ? "met" : "missed",
                    total,
                    PushBenchmark.TARGET_RATIO,
                    ratio >= PushBenchmark.TARGET_RATIO ? "met" : "missed",
                    ratio,
                    resolveLiaisonCpu / 1000.0,
                    resolvePostgresCpu / 1000.0));
            lines.add("");
            lines.add(drain.describe() + " The push's deliveries at the end of the window, by state: " + deliveries
                    + ".");
            lines.add("");
            lines.add(BenchReport.heap("Liaison", heap, true) + " PostgreSQL " + database.version + ". JFR recording: "
                    + recording + ".");
            lines.add("");
            lines.add("The statement (Audiences.insert, as recorded):");
            lines.add("");
            lines.add("```sql");
            lines.add(floor.sql().strip());
            lines.add("```");
            lines.add("");
            assertThat(recipients).as("recipients written").isEqualTo(contacts);
            assertThat(best.rows()).as("rows the floor wrote").isEqualTo((int) contacts);
            assertThat(drain.messages()).as("messages the sink received").isPositive();
            assertThat(heap.committedMb()).as("committed heap, MB").isLessThanOrEqualTo(512);
            return lines;
        } finally {
            purge(written);
            if (floor != null) {
                floor.drop();
            }
            api.call("PUT", "/api/v1/push-settings", settingsBefore, 200);
            database.jdbc.sql("VACUUM ANALYZE push, push_recipient, delivery").update();
        }
    }

    private static String row(String what, double seconds, long rows, PushFloor.Run floor) {
        if (rows == 0) {
            return String.format(Locale.ROOT, "| %s | %.2f | | |", what, seconds);
        }
        double rate = rows / seconds;
        return String.format(
                Locale.ROOT, "| %s | %.2f | %,.0f | %.2f |", what, seconds, rate, rate / floor.perSecond());
    }

    /** Waits until the push has left {@code scheduled}: its recipients are written and committed. */
    private Instant awaitResolved(UUID pushId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            String state = database.jdbc
                    .sql("SELECT state FROM push WHERE org_id = ? AND id = ?")
                    .params(orgId, pushId)
                    .query(String.class)
                    .single();
            if (!state.equals("scheduled")) {
                return Instant.now();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The push was still scheduled after 30 minutes");
    }

    /** What the sink received, per 10 s and in all, over the window. */
    record Drain(long messages, double seconds, List<Long> perStep, long liaisonCpuMs, long postgresCpuMs) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "Drain: the sink received %,d e-mails in %.0f s after the resolve, %,.0f per second (per 10 s: %s);"
                            + " CPU meanwhile: Liaison's JVM %.0f %%, PostgreSQL %.0f %% of one core.",
                    messages,
                    seconds,
                    messages / seconds,
                    perStep,
                    liaisonCpuMs / seconds / 10,
                    postgresCpuMs / seconds / 10);
        }
    }

    private Drain drain() throws Exception {
        long liaisonCpu = liaison.cpuMillis();
        long postgresCpu = database.cpuMillis();
        long first = sink.accepted();
        long last = first;
        List<Long> steps = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + window.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            long now = sink.accepted();
            steps.add(now - last);
            last = now;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Drain(
                last - first, seconds, steps, liaison.cpuMillis() - liaisonCpu, database.cpuMillis() - postgresCpu);
    }

    /** The deliveries of pushes in the organization, by state (with the commonest reason of those not sent). */
    private Map<String, Long> deliveries() {
        Map<String, Long> states = new LinkedHashMap<>();
        database.jdbc
                .sql("SELECT state || coalesce(' (' || (array_agg(reason ORDER BY id))[1] || ')', ''), count(*)"
                        + " FROM delivery WHERE org_id = ? AND origin_module = 'push' GROUP BY state")
                .param(orgId)
                .query((rs, n) -> states.put(rs.getString(1), rs.getLong(2)))
                .list();
        return states;
    }

    /** The push's recipients by reason: {@code queued} for none (queued, sending or sent), else the reason. */
    private Map<String, Long> reasons(UUID pushId) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        database.jdbc
                .sql("SELECT coalesce(reason, 'queued'), count(*) FROM push_recipient"
                        + " WHERE org_id = ? AND push_id = ? GROUP BY 1 ORDER BY 2 DESC")
                .params(orgId, pushId)
                .query((rs, n) -> reasons.put(rs.getString(1), rs.getLong(2)))
                .list();
        return reasons;
    }

    private static String describe(Map<String, Long> reasons) {
        List<String> parts = new ArrayList<>();
        reasons.forEach((reason, n) -> parts.add(String.format(
                Locale.ROOT,
                "%,d %s",
                n,
                switch (reason) {
                    case "queued" -> "queued and not cancelled";
                    case "cancelled" -> "queued, then skipped by the cancel";
                    default -> "skipped at the resolve as " + reason;
                })));
        return String.join(", ", parts);
    }

    /**
     * Removes pushes of the benchmark, their recipients and their deliveries; an open one is cancelled
     * first, and deliveries being sent are waited for (a worker ends them).
     */
    private void purge(List<UUID> pushIds) throws Exception {
        for (UUID pushId : pushIds) {
            String state = database.jdbc
                    .sql("SELECT state FROM push WHERE org_id = ? AND id = ?")
                    .params(orgId, pushId)
                    .query(String.class)
                    .optional()
                    .orElse("gone");
            if (List.of("awaiting_approval", "scheduled", "sending").contains(state)) {
                api.call("POST", "/api/v1/pushes/" + pushId + "/cancel", null, 200);
            }
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (true) {
                database.jdbc.sql("""
                                DELETE FROM delivery d USING push_recipient r
                                 WHERE r.org_id = ? AND r.push_id = ? AND r.delivery_id IS NOT NULL
                                   AND d.org_id = r.org_id AND d.id = r.delivery_id AND d.state <> 'sending'""").params(orgId, pushId).update();
                long sending = database.jdbc
                        .sql("""
                                SELECT count(*) FROM delivery d JOIN push_recipient r
                                    ON d.org_id = r.org_id AND d.id = r.delivery_id
                                 WHERE r.org_id = ? AND r.push_id = ?""")
                        .params(orgId, pushId)
                        .query(Long.class)
                        .single();
                if (sending == 0 || Instant.now().isAfter(deadline)) {
                    break;
                }
                Thread.sleep(500);
            }
            database.jdbc
                    .sql("DELETE FROM push_recipient WHERE org_id = ? AND push_id = ?")
                    .params(orgId, pushId)
                    .update();
            database.jdbc
                    .sql("DELETE FROM push WHERE org_id = ? AND id = ?")
                    .params(orgId, pushId)
                    .update();
        }
    }
}
