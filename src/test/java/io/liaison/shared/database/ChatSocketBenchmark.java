package io.liaison.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.contact.BenchReport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat delivery latency over the socket (issue 19): N members of one internal group connected to
 * {@code /ws} of one Liaison node (its own JVM, {@code -Xmx512m}, GC log, JFR recording), a poster
 * posting through the REST API at rates stepped up until 99 % of deliveries no longer arrive within
 * {@value #LIMIT_MS} ms; the same load client against the floor measured in the same run, the bare
 * {@link ChatBroadcaster} (its own JVM, the same flags), to which the poster sends the same text as a
 * frame. Writes {@code target/benchmark/chat-socket.md}. Run with {@code ./mvnw -B verify -Pbenchmark
 * -Dit.test=ChatSocketBenchmark} ({@code -Dbenchmark.clients=500,5000}, {@code
 * -Dbenchmark.rates=1,2,5,...}, {@code -Dbenchmark.step-seconds=5}, {@code -Dbenchmark.warm-up-seconds=5}).
 */
@Tag("benchmark")
class ChatSocketBenchmark {

    static final List<Integer> SIZES = Arrays.stream(
                    System.getProperty("benchmark.clients", "500,5000").split(","))
            .map(s -> Integer.parseInt(s.strip()))
            .toList();
    static final List<Double> RATES = Arrays.stream(System.getProperty("benchmark.rates", "1,2,5,10,20,50,100,200,500")
                    .split(","))
            .map(s -> Double.parseDouble(s.strip()))
            .toList();
    static final Duration STEP = Duration.ofSeconds(Long.getLong("benchmark.step-seconds", 5));
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warm-up-seconds", 5));
    /** How long after the last post of a step a delivery may still come before it counts as missing. */
    static final Duration DRAIN = Duration.ofSeconds(5);

    static final double LIMIT_MS = 100;
    static final double TARGET_RATIO = 1.5;
    static final int TARGET_CLIENTS = 500;
    private static final String PASSWORD = "chat-benchmark-password";

    /** One server's run at one size: its steps, connecting, heap and sockets. */
    record Side(
            String name,
            List<Latencies.Step> steps,
            double connectSeconds,
            long liveHeapBeforeMb,
            long liveHeapConnectedMb,
            ServerFigures.Heap heapInSteps,
            int sockets,
            String troubles) {

        /** A server whose run failed with {@code e}: no steps, no figures. */
        static Side failed(String name, Throwable e) {
            return new Side(
                    name, List.of(), Double.NaN, -1, -1, new ServerFigures.Heap(0, 0, 0, 0), -1, "failed: " + e);
        }

        boolean failed() {
            return sockets < 0;
        }

        /** The steps up to and including the last that kept p99 under the limit, without a delivery missing. */
        List<Latencies.Step> kept() {
            return steps.stream().filter(s -> s.keeps(LIMIT_MS)).toList();
        }
    }

    @Test
    void chatSocketLatencyNextToTheFloor(@TempDir Path work) throws Exception {
        Path out = Files.createDirectories(Path.of("target", "benchmark").toAbsolutePath());
        Path liaisonGc = out.resolve("chat-socket-gc.log");
        Path floorGc = out.resolve("chat-socket-broadcaster-gc.log");
        Path recording = out.resolve("chat-socket.jfr");
        Files.deleteIfExists(liaisonGc);
        Files.deleteIfExists(floorGc);
        int most = Collections.max(SIZES);
        Map<String, String> env = Map.of(
                // the group holds the administrator, who posts, and every member with a client
                "LIAISON_CHAT_MAX_PARTICIPANTS",
                Integer.toString(most + 1),
                // every login from 127.0.0.1 counts as a failure until its password is checked
                "LIAISON_LOGIN_MAX_FAILURES_PER_ADDRESS",
                "1000000",
                "LOGGING_LEVEL_ROOT",
                "WARN",
                "JAVA_TOOL_OPTIONS",
                "-Xmx512m -Xlog:gc:file=" + liaisonGc + " -XX:StartFlightRecording=filename=" + recording);
        List<String> sections = new ArrayList<>();
        try (EmbeddedPostgres database = SharedDatabaseNodes.startDatabase()) {
            LiaisonProcess liaison =
                    SharedDatabaseNodes.launch(database, work.resolve("data"), "chat-bench", PASSWORD, env);
            Process floor = null;
            try {
                liaison.awaitHealthy();
                int floorPort = freePort();
                floor = ChatBroadcaster.start(work, floorPort, List.of("-Xmx512m", "-Xlog:gc:file=" + floorGc));
                URI floorUri = URI.create("ws://localhost:" + floorPort + "/ws");
                URI liaisonUri = URI.create(liaison.uri("/ws").toString().replaceFirst("^http", "ws"));
                ChatBenchMembers members =
                        ChatBenchMembers.create(liaison, database.getPostgresDatabase(), PASSWORD, most);
                for (int size : SIZES) {
                    UUID group = members.group("Benchmark " + size, size);
                    Side bare = measure(
                            "floor",
                            floorUri,
                            Collections.nCopies(size, ""),
                            () -> SocketLoad.framePoster(floorUri),
                            floor.pid(),
                            floorGc);
                    long start = System.nanoTime();
                    List<String> sessions = members.sessions(size);
                    double loggingIn = (System.nanoTime() - start) / 1e9;
                    Side ours;
                    try {
                        ours = measure(
                                "Liaison", liaisonUri, sessions, () -> members.poster(group), liaison.pid(), liaisonGc);
                    } catch (Exception | AssertionError e) {
                        sections.add(section(size, loggingIn, bare, Side.failed("Liaison", e)));
                        throw e;
                    }
                    sections.add(section(size, loggingIn, bare, ours));
                    assertThat(bare.steps().get(0).keeps(Double.MAX_VALUE))
                            .as("the floor delivered every message of its first step to all %d clients", size)
                            .isTrue();
                    assertThat(ours.steps().get(0).keeps(Double.MAX_VALUE))
                            .as("Liaison delivered every message of its first step to all %d clients", size)
                            .isTrue();
                }
                liaison.stop();
            } finally {
                if (floor != null) {
                    floor.destroy();
                    floor.waitFor(30, TimeUnit.SECONDS);
                }
                SharedDatabaseNodes.close(liaison);
            }
        } finally {
            String report = String.join("\n", header(), String.join("\n", sections), footer(liaisonGc, recording));
            Files.writeString(out.resolve("chat-socket.md"), report);
            System.out.println(report);
        }
    }

    /**
     * Connects {@code cookies.size()} clients to {@code uri}, warms up at the first rate, then steps the
     * rate up until a step misses {@value #LIMIT_MS} ms at the 99th percentile or loses a delivery.
     */
    private static Side measure(
            String name, URI uri, List<String> cookies, Callable<SocketLoad.Poster> posters, long pid, Path gcLog)
            throws Exception {
        long liveBefore = ServerFigures.liveHeapMb(pid, gcLog);
        long start = System.nanoTime();
        try (SocketLoad load = SocketLoad.connect(uri, cookies);
                SocketLoad.Poster poster = posters.call()) {
            double connecting = (System.nanoTime() - start) / 1e9;
            Thread.sleep(1_000);
            int sockets = ServerFigures.sockets(pid);
            long liveConnected = ServerFigures.liveHeapMb(pid, gcLog);
            int gcLines = ServerFigures.lines(gcLog);
            load.run(poster, 0, RATES.get(0), WARM_UP, DRAIN);
            List<Latencies.Step> steps = new ArrayList<>();
            for (double rate : RATES) {
                Latencies.Step step = load.run(poster, steps.size() + 1, rate, STEP, DRAIN);
                steps.add(step);
                System.out.printf(
                        Locale.ROOT,
                        "%s, %d clients, %.0f messages/s: p50 %.1f ms, p99 %.1f ms, %d missing, %d posts failed%n",
                        name,
                        load.clients(),
                        rate,
                        step.p50(),
                        step.p99(),
                        step.missing(),
                        step.failedPosts());
                if (!step.keeps(LIMIT_MS)) {
                    break;
                }
                Thread.sleep(1_000);
            }
            return new Side(
                    name,
                    steps,
                    connecting,
                    liveBefore,
                    liveConnected,
                    ServerFigures.heap(gcLog, gcLines),
                    sockets,
                    load.troubles());
        }
    }

    private static String header() {
        return String.join(
                "\n",
                "# Chat socket benchmark",
                "",
                BenchReport.machine() + ".",
                "",
                ("One Liaison node (its own JVM, -Xmx512m) on a PostgreSQL of the test, N members of one internal"
                                + " group each with a WebSocket on /ws (logged in through the login form), the administrator"
                                + " posting through POST /api/v1/conversations/{id}/messages. The floor: a bare broadcaster"
                                + " (embedded Tomcat, a plain jakarta.websocket endpoint relaying each text frame to every"
                                + " other client; its own JVM, -Xmx512m), the poster sending the same text as a frame. The"
                                + " same load client (java.net.http.WebSocket, in the test's JVM) for both, %d s per rate"
                                + " (at least %d messages) after a warm-up at the first rate; latency is receipt minus posting, on one clock. A delivery still"
                                + " missing %d s after the last post of its step counts as missing; the steps stop at the"
                                + " first rate whose p99 reaches %.0f ms or that misses a delivery.")
                        .formatted(STEP.toSeconds(), SocketLoad.MIN_MESSAGES, DRAIN.toSeconds(), LIMIT_MS),
                "");
    }

    private static String section(int size, double loggingIn, Side bare, Side ours) {
        List<String> lines = new ArrayList<>(List.of(
                "## %,d clients".formatted(size),
                "",
                "| messages/s | floor p50 ms | floor p99 ms | Liaison p50 ms | Liaison p99 ms | p99 Liaison / floor |",
                "|---:|---:|---:|---:|---:|---:|"));
        for (int i = 0; i < Math.max(bare.steps().size(), ours.steps().size()); i++) {
            Latencies.@Nullable Step floor =
                    i < bare.steps().size() ? bare.steps().get(i) : null;
            Latencies.@Nullable Step liaison =
                    i < ours.steps().size() ? ours.steps().get(i) : null;
            String ratio = floor != null && liaison != null ? "%.2f".formatted(liaison.p99() / floor.p99()) : "";
            lines.add("| %s | %s | %s | %s |".formatted(rate(RATES.get(i)), cells(floor), cells(liaison), ratio));
        }
        lines.add("");
        lines.add("Highest rate with p99 < %.0f ms: floor %s, Liaison %s."
                .formatted(LIMIT_MS, highest(bare), highest(ours)));
        if (size == TARGET_CLIENTS) {
            lines.add(target(bare, ours));
        }
        lines.add("");
        lines.add("Members logged in within %.0f s; clients connected within %.1f s to the floor, %.1f s to Liaison."
                .formatted(loggingIn, bare.connectSeconds(), ours.connectSeconds()));
        for (Side side : List.of(bare, ours)) {
            if (side.failed()) {
                lines.add("%s with %,d clients: %s.".formatted(side.name(), size, side.troubles()));
                continue;
            }
            ServerFigures.Heap heap = side.heapInSteps();
            String posting = heap.collections() == 0
                    ? "no collection while posting"
                    : "while posting, at most %d MB used before a collection, %d MB after one, %d MB committed (%d collections)"
                            .formatted(heap.beforeMb(), heap.afterMb(), heap.committedMb(), heap.collections());
            lines.add(("%s with %,d clients: %d sockets open; heap in use after a full collection %d MB before the"
                            + " clients connected, %d MB with them (%.0f KB a client); %s; clients: %s.")
                    .formatted(
                            side.name(),
                            size,
                            side.sockets(),
                            side.liveHeapBeforeMb(),
                            side.liveHeapConnectedMb(),
                            1024.0 * (side.liveHeapConnectedMb() - side.liveHeapBeforeMb()) / size,
                            posting,
                            side.troubles()));
        }
        lines.add("");
        return String.join("\n", lines);
    }

    private static String highest(Side side) {
        List<Latencies.Step> kept = side.kept();
        return kept.isEmpty()
                ? "none of the rates tried"
                : rate(kept.get(kept.size() - 1).rate()) + " messages/s";
    }

    /**
     * Whether Liaison's p99 is within {@value #TARGET_RATIO}× the floor's at every rate where the floor
     * keeps its p99 under the limit; a rate Liaison did not reach (it stopped before) misses it.
     */
    private static String target(Side bare, Side ours) {
        List<Latencies.Step> judged = bare.kept();
        if (judged.isEmpty()) {
            return "Target not judged: the floor kept p99 < %.0f ms at none of the rates.".formatted(LIMIT_MS);
        }
        double worst = 0;
        String where = "";
        for (int i = 0; i < judged.size(); i++) {
            if (i >= ours.steps().size()) {
                worst = Double.POSITIVE_INFINITY;
                where = rate(judged.get(i).rate()) + " messages/s, which Liaison did not reach";
                break;
            }
            double ratio = ours.steps().get(i).p99() / judged.get(i).p99();
            if (ratio > worst) {
                worst = ratio;
                where = "%.2f at %s messages/s"
                        .formatted(ratio, rate(judged.get(i).rate()));
            }
        }
        return "Target: Liaison's p99 ≤ %.1f× the floor's at every rate where the floor keeps p99 < %.0f ms: %s (highest ratio %s)."
                .formatted(TARGET_RATIO, LIMIT_MS, worst <= TARGET_RATIO ? "met" : "missed", where);
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate) ? "%.0f".formatted(rate) : "%.1f".formatted(rate);
    }

    /** p50 and p99, with what went wrong; blank when the side stopped before this rate. */
    private static String cells(Latencies.@Nullable Step step) {
        if (step == null) {
            return " | ";
        }
        List<String> notes = new ArrayList<>();
        if (step.missing() > 0) {
            notes.add("%,d missing".formatted(step.missing()));
        }
        if (step.failedPosts() > 0) {
            notes.add("%d posts failed".formatted(step.failedPosts()));
        }
        if (step.postedPerSecond() < 0.9 * step.rate()) {
            notes.add("posted %.0f/s".formatted(step.postedPerSecond()));
        }
        return "%.1f | %.1f%s"
                .formatted(step.p50(), step.p99(), notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
    }

    private static String footer(Path liaisonGc, Path recording) throws IOException {
        if (!Files.exists(liaisonGc)) {
            return "";
        }
        ServerFigures.Heap heap = ServerFigures.heap(liaisonGc);
        return ("Liaison's heap over the run (-Xmx512m): at most %d MB used before a collection, %d MB after one,"
                        + " %d MB committed, over %d collections. JFR recording: %s%n")
                .formatted(heap.beforeMb(), heap.afterMb(), heap.committedMb(), heap.collections(), recording);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
