package io.liaison.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.HeapSampler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The search and list benchmark of issue 5 (README, "Performance"): for each size, Liaison on demo
 * data in this JVM, 16 clients in a closed loop over HTTP, then the same requests through the
 * query layer (the floor) and as the peer pattern of CRMs, for an administrator (scope ALL) and a
 * demo member (scope SELF). Writes {@code target/benchmark/search.md}.
 */
@Tag("benchmark")
class SearchBenchmark {

    private static final int MB = 1024 * 1024;

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
    private final List<String> problems = new ArrayList<>();

    @Test
    void searchAndList() throws Exception {
        BenchReport report = new BenchReport(String.format(
                Locale.ROOT,
                "%d clients in a closed loop, %d s warm-up per kind; client and server in one JVM with a heap"
                        + " limit of %d MB. Targets of issue 5 (they apply at 10^6 contacts): p95 ≤ 15 ms, HTTP"
                        + " p50 ≤ 2× floor p50, peer p95 ≥ 30× HTTP p95.",
                clients,
                warmup,
                HeapSampler.limit() / MB));
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
        Duration peerSeconds =
                Duration.ofSeconds(Integer.getInteger("benchmark.peer-seconds", size >= 1_000_000 ? 5 : 2));
        long started = System.nanoTime();
        try (HeapSampler heap = new HeapSampler();
                BenchServer server = new BenchServer(dir)) {
            HttpClients http = new HttpClients(server.port);
            QueryFloor floor = new QueryFloor(server.context);
            PeerPattern peer = new PeerPattern(server.jdbc);
            List<BenchServer.Member> members = List.of(server.admin, server.member);
            List<BenchTerms> sampled = new ArrayList<>();
            for (BenchServer.Member member : members) {
                sampled.add(BenchTerms.sample(server.jdbc, member.actor()));
            }
            warmUp(members, sampled, loop, http);
            for (int m = 0; m < members.size(); m++) {
                BenchServer.Member member = members.get(m);
                BenchTerms terms = sampled.get(m);
                System.out.printf("benchmark: %,d contacts, %s: %s%n", size, member.label(), terms.describe());
                List<BenchReport.Row> rows = new ArrayList<>();
                for (BenchKind kind : kinds()) {
                    rows.add(measure(kind, terms, member, loop, http, floor, peer, seconds, peerSeconds));
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
            report.line(String.format(
                    Locale.ROOT,
                    "Heap at %,d contacts: at most %d MB used, %d MB after a collection, %d MB committed"
                            + " (limit %d MB); PostgreSQL %s; %d s per kind over HTTP and through the floor,"
                            + " %d s of the peer pattern; %d s for this size.",
                    size,
                    heap.maxUsed() / MB,
                    heap.maxAfterGc() / MB,
                    heap.maxCommitted() / MB,
                    HeapSampler.limit() / MB,
                    server.postgres,
                    seconds.toSeconds(),
                    peerSeconds.toSeconds(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        }
    }

    /**
     * Every kind for every member over HTTP, before any is measured: a fresh server compiles its
     * hot paths and fills PostgreSQL's page cache on the first kinds otherwise, and they would pay
     * for all the others ({@code benchmark.server-warmup-seconds} in all, 30 by default).
     */
    private static void warmUp(
            List<BenchServer.Member> members, List<BenchTerms> terms, LoadLoop loop, HttpClients http)
            throws Exception {
        List<BenchKind> kinds = kinds();
        int total = Integer.getInteger("benchmark.server-warmup-seconds", 30);
        Duration each = Duration.ofMillis(Math.max(200, total * 1000L / (kinds.size() * members.size())));
        System.out.printf("benchmark: warming the server up on every kind for %d s%n", total);
        for (int m = 0; m < members.size(); m++) {
            BenchServer.Member member = members.get(m);
            BenchTerms sampled = terms.get(m);
            for (BenchKind kind : kinds) {
                loop.run(each, r -> http.run(member.token(), kind.next().apply(sampled, r)));
            }
        }
    }

    private BenchReport.Row measure(
            BenchKind kind,
            BenchTerms terms,
            BenchServer.Member member,
            LoadLoop loop,
            HttpClients http,
            QueryFloor floor,
            PeerPattern peer,
            Duration seconds,
            Duration peerSeconds)
            throws Exception {
        LoadLoop.Op overHttp = r -> http.run(member.token(), kind.next().apply(terms, r));
        loop.run(Duration.ofSeconds(warmup), overHttp);
        LoadLoop.Stats viaHttp = loop.run(seconds, overHttp);
        LoadLoop.Stats viaFloor =
                loop.run(seconds, r -> floor.run(member.actor(), kind.next().apply(terms, r)));
        boolean hasPeer = kind.next().apply(terms, new SplittableRandom(1)).shape() != BenchKind.Shape.GET;
        LoadLoop.Stats viaPeer = hasPeer
                ? loop.run(peerSeconds, r -> {
                    peer.run(member.actor(), kind.next().apply(terms, r));
                    return true;
                })
                : null;
        System.out.printf(
                Locale.ROOT,
                "benchmark: %-32s HTTP p50 %6.1f p95 %6.1f p99 %6.1f ms %7.0f/s | floor p50 %6.1f p95 %6.1f | peer p95 %s %s%n",
                kind.name(),
                viaHttp.p50(),
                viaHttp.p95(),
                viaHttp.p99(),
                viaHttp.perSecond(),
                viaFloor.p50(),
                viaFloor.p95(),
                viaPeer == null
                        ? "-"
                        : String.format(Locale.ROOT, "%.0f (%d requests)", viaPeer.p95(), viaPeer.requests()),
                viaHttp.problems() + " " + viaFloor.problems());
        for (LoadLoop.Stats stats :
                viaPeer == null ? List.of(viaHttp, viaFloor) : List.of(viaHttp, viaFloor, viaPeer)) {
            if (stats.failures() > 0) {
                problems.add(kind.name() + ", " + member.label() + ": " + stats.problems());
            }
        }
        return new BenchReport.Row(kind.name(), viaHttp, viaFloor, viaPeer);
    }

    /** The kinds named in {@code benchmark.kinds} (comma-separated parts of their names), or all. */
    private static List<BenchKind> kinds() {
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
