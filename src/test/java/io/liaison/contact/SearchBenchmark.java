package io.liaison.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BenchData;
import io.liaison.BenchProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contact read benchmark of issues 5 and 17 (README, "Performance"): for each size, Liaison from
 * its jar and the floor application, each in its own JVM with the same flags, on the same demo data;
 * 16 clients in this JVM in a closed loop over HTTP against each, and the same requests through
 * Liaison's query layer in this JVM (the JDBC floor), for an administrator (scope ALL) and a demo
 * member (scope SELF); CPU per request from {@code /proc}, Liaison's heap from its GC log. Writes
 * {@code target/benchmark/search.md}.
 */
@Tag("benchmark")
class SearchBenchmark {

    private final List<Integer> sizes = Arrays.stream(
                    System.getProperty("benchmark.sizes", "100000,1000000").split(","))
            .map(s -> Integer.parseInt(s.trim().replace("_", "")))
            .toList();
    private final long seed = Long.getLong("benchmark.seed", 42);
    private final Path dataRoot =
            Path.of(System.getProperty("benchmark.data", System.getProperty("java.io.tmpdir") + "/liaison-benchmark"));
    private final Path jar = Path.of(System.getProperty("benchmark.jar", "target/liaison.jar"));
    private final Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark/search.md"));
    private final int clients = Integer.getInteger("benchmark.clients", 16);
    private final int warmup = Integer.getInteger("benchmark.warmup-seconds", 2);
    private final int poolSize = Integer.getInteger("benchmark.requests", 200);
    private final List<String> problems = new ArrayList<>();

    @Test
    void searchAndList() throws Exception {
        BenchReport report = new BenchReport(String.format(
                Locale.ROOT,
                "Liaison (its jar) and the floor application each in its own JVM with %s; %d clients in the"
                        + " benchmark's JVM in a closed loop, %d s warm-up per kind and server; %d requests drawn"
                        + " per kind and member, the same for the three ways. Targets of issue 17: GET by id"
                        + " req/s ≥ 0.5× the floor app's; other kinds JDBC p50 ≤ 10 ms, HTTP p50 ≤ 1.5× the floor"
                        + " app's, p95 ≤ 3× p50; Liaison's heap ≤ 512 MB. CPU per request: of the server's JVM +"
                        + " of PostgreSQL (all its processes), over the measured HTTP run.",
                String.join(" ", BenchProcess.JVM_FLAGS),
                clients,
                warmup,
                poolSize));
        try (LoadLoop loop = new LoadLoop(clients)) {
            for (int size : sizes) {
                Path dir = BenchData.prepare(dataRoot, size, seed, jar);
                measure(size, dir, loop, report);
                report.write(output);
            }
        }
        System.out.println(report.markdown());
        System.out.println("benchmark: written to " + output.toAbsolutePath());
        assertThat(problems).as("requests that failed").isEmpty();
    }

    private void measure(int size, Path dir, LoadLoop loop, BenchReport report) throws Exception {
        Duration seconds = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", size >= 1_000_000 ? 10 : 3));
        long started = System.nanoTime();
        try (BenchServer server =
                new BenchServer(dir, jar, output.toAbsolutePath().getParent())) {
            BenchTargets targets = new BenchTargets(server, loop);
            QueryFloor floor = new QueryFloor(server.context);
            List<BenchServer.Member> members = List.of(server.admin, server.member);
            List<List<BenchPool>> pools = new ArrayList<>();
            for (BenchServer.Member member : members) {
                BenchTerms terms = BenchTerms.sample(server.jdbc, member.actor());
                System.out.printf("benchmark: %,d contacts, %s: %s%n", size, member.label(), terms.describe());
                List<BenchPool> drawn = new ArrayList<>();
                for (BenchKind kind : kinds()) {
                    BenchPool pool = BenchPool.draw(kind, terms, poolSize, seed + drawn.size());
                    pool.handOver(member, floor, targets.liaison.http(), server.floor.port);
                    drawn.add(pool);
                }
                pools.add(drawn);
            }
            targets.warmUp(members, pools);
            for (int m = 0; m < members.size(); m++) {
                BenchServer.Member member = members.get(m);
                List<BenchReport.Row> rows = new ArrayList<>();
                List<BenchKind> kinds = kinds();
                for (int k = 0; k < kinds.size(); k++) {
                    rows.add(measure(kinds.get(k), pools.get(m).get(k), member, targets, floor, seconds));
                }
                String owns = member == server.member
                        ? String.format(
                                " owns %,d of the contacts (the median of the 50 demo members).", server.memberContacts)
                        : " sees all contacts.";
                report.section(
                        String.format(Locale.ROOT, "%,d contacts — %s", size, member.label()),
                        rows,
                        member.label() + owns);
            }
            report.line(BenchReport.heap("Liaison", server.liaison.heap(), true) + " "
                    + BenchReport.heap("The floor application", server.floor.heap(), false)
                    + String.format(
                            Locale.ROOT,
                            " PostgreSQL %s; %d s per kind and way; %d s for this size.",
                            server.postgres,
                            seconds.toSeconds(),
                            Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        }
    }

    private BenchReport.Row measure(
            BenchKind kind,
            BenchPool pool,
            BenchServer.Member member,
            BenchTargets targets,
            QueryFloor floor,
            Duration seconds)
            throws Exception {
        Duration warm = Duration.ofSeconds(warmup);
        LoadLoop.Stats jdbc = targets.loop.run(seconds, r -> floor.run(member.actor(), pool.any(r)));
        BenchTargets.Measured viaFloor = targets.overHttp(targets.floorApp, member, pool, warm, seconds);
        BenchTargets.Measured viaLiaison = targets.overHttp(targets.liaison, member, pool, warm, seconds);
        boolean get = pool.requests().get(0).shape() == BenchKind.Shape.GET;
        BenchReport.Row row = new BenchReport.Row(
                kind.name(), get, viaLiaison.stats(), viaFloor.stats(), jdbc, viaLiaison.cpu(), viaFloor.cpu());
        System.out.printf(
                Locale.ROOT,
                "benchmark: %-32s HTTP p50 %6.1f p95 %6.1f ms %6.0f/s cpu %s | floor app p50 %6.1f %6.0f/s cpu %s"
                        + " | JDBC p50 %6.1f p95 %6.1f | %s %s%n",
                kind.name(),
                viaLiaison.stats().p50(),
                viaLiaison.stats().p95(),
                viaLiaison.stats().perSecond(),
                viaLiaison.cpu(),
                viaFloor.stats().p50(),
                viaFloor.stats().perSecond(),
                viaFloor.cpu(),
                jdbc.p50(),
                jdbc.p95(),
                BenchReport.verdict(row),
                viaLiaison.stats().problems() + " " + viaFloor.stats().problems() + " " + jdbc.problems());
        for (LoadLoop.Stats stats : List.of(row.http(), row.floorHttp(), row.jdbc())) {
            if (stats.failures() > 0) {
                problems.add(kind.name() + ", " + member.label() + ": " + stats.problems());
            }
        }
        return row;
    }

    /** The kinds named in {@code benchmark.kinds} (comma-separated parts of their names), or all. */
    static List<BenchKind> kinds() {
        String wanted = System.getProperty("benchmark.kinds", "");
        if (wanted.isBlank()) {
            return BenchKind.all();
        }
        List<String> parts = List.of(wanted.split(","));
        return BenchKind.all().stream()
                .filter(k -> parts.stream().anyMatch(p -> k.name().contains(p.strip())))
                .toList();
    }
}
