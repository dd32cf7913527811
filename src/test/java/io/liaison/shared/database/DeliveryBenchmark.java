package io.liaison.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.liaison.channel.StandardWebhooks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery throughput: {@value #DELIVERIES} webhook deliveries queued on one channel (a webhook has
 * no rate limit) and drained by Liaison (its own JVM, {@code -Xmx512m}, GC log, JFR recording) into
 * a sink in this JVM that answers 200 at once; then a bare {@link HttpClient} posts as many requests
 * of the same size with the same headers to the same sink, with as many threads as Liaison has
 * sending workers; then the worker's statements alone through JDBC. Writes {@code
 * target/benchmark/deliveries.md}. Run with {@code ./mvnw -B verify
 * -Pbenchmark -Dit.test=DeliveryBenchmark}.
 */
@Tag("benchmark")
class DeliveryBenchmark {

    static final int DELIVERIES = Integer.getInteger("benchmark.deliveries", 100_000);
    /** Liaison's default {@code liaison.channel.workers}: each sends one delivery at a time. */
    static final int CONCURRENCY = 8;

    static final double TARGET_RATIO = 0.5;
    private static final String PASSWORD = "delivery-benchmark-password";
    private static final String SECRET_KEY = "delivery-benchmark-secret-key";
    private static final Pattern COLLECTION = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @Test
    void liaisonDrainsDeliveriesAtHalfTheRateOfABareClient(@TempDir Path work) throws Exception {
        Path out = Files.createDirectories(Path.of("target", "benchmark").toAbsolutePath());
        Path gcLog = out.resolve("deliveries-gc.log");
        Path recording = out.resolve("deliveries.jfr");
        Files.deleteIfExists(gcLog);
        Path data = work.resolve("data");
        String secret = StandardWebhooks.newSecret();
        Map<String, String> env = Map.of(
                "LIAISON_SECRET_KEY", SECRET_KEY,
                "LIAISON_OUTBOUND_ALLOWED_HOSTS", "127.0.0.1",
                "LOGGING_LEVEL_ROOT", "WARN");
        try (EmbeddedPostgres database = SharedDatabaseNodes.startDatabase();
                Sink sink = new Sink()) {
            // A first start migrates the database and creates the organization; the queue is filled
            // while Liaison is down, so that the drain is timed from a full queue.
            LiaisonProcess setup = SharedDatabaseNodes.launch(database, data, "bench", PASSWORD, env);
            try {
                setup.awaitHealthy();
                setup.stop();
            } finally {
                setup.close();
            }
            UUID org;
            try (Connection c = database.getPostgresDatabase().getConnection();
                    ResultSet rs = c.createStatement().executeQuery("SELECT id FROM organization")) {
                rs.next();
                org = rs.getObject(1, UUID.class);
            }
            Instant queuing = Instant.now();
            try (ChannelQueueClient client = new ChannelQueueClient(database.getPostgresDatabase(), SECRET_KEY, data)) {
                client.queue(org, client.webhook(org, sink.url(), secret), DELIVERIES, 200);
            }
            Duration queued = Duration.between(queuing, Instant.now());

            Map<String, String> measured = new java.util.HashMap<>(env);
            measured.put(
                    "JAVA_TOOL_OPTIONS",
                    "-Xmx512m -Xlog:gc:file=" + gcLog + " -XX:StartFlightRecording=filename=" + recording
                            + ",settings=profile");
            LiaisonProcess liaison = SharedDatabaseNodes.launch(database, data, "bench", PASSWORD, measured);
            Rate drained;
            int liaisonBody;
            long[] cpuBefore;
            long[] cpuAfter;
            try {
                liaison.awaitHealthy();
                cpuBefore = cpu();
                drained = sink.await(DELIVERIES, Duration.ofMinutes(30));
                cpuAfter = cpu();
                liaisonBody = sink.bodyChars();
                liaison.stop();
            } finally {
                SharedDatabaseNodes.close(liaison);
            }

            sink.reset();
            Rate bare = bareClient(sink.url(), secret, liaisonBody);
            int bareBody = sink.bodyChars();

            Rate sql = sqlFloor(database.getPostgresDatabase());
            double both = 1 / (1 / bare.perSecond() + 1 / sql.perSecond());

            double ratio = drained.perSecond() / bare.perSecond();
            double busy = 100.0 * (cpuAfter[0] - cpuBefore[0]) / Math.max(1, cpuAfter[1] - cpuBefore[1]);
            long[] heap = heap(gcLog);
            String report = String.join(
                    "\n",
                    "# Delivery benchmark",
                    "",
                    "%,d webhook deliveries on one channel, %d sending workers (Liaison's default) against a bare"
                                    .formatted(DELIVERIES, CONCURRENCY)
                            + " java.net.http.HttpClient with %d threads, both to a JDK HttpServer answering 200 at once."
                                    .formatted(CONCURRENCY),
                    "Queued in %.1f s through Deliveries.queue.".formatted(queued.toMillis() / 1000.0),
                    "",
                    "| | deliveries/s | seconds | body chars |",
                    "|---|---:|---:|---:|",
                    "| Liaison | %.0f | %.1f | %d |".formatted(drained.perSecond(), drained.seconds(), liaisonBody),
                    "| bare HttpClient | %.0f | %.1f | %d |".formatted(bare.perSecond(), bare.seconds(), bareBody),
                    "| the worker's SQL through JDBC, no HTTP | %.0f | %.1f | |"
                            .formatted(sql.perSecond(), sql.seconds()),
                    "",
                    ("The machine was %.0f %% busy while Liaison drained. Posting and recording share its cores: if"
                                    + " they cost no more together than apart, the most any program could drain is"
                                    + " 1 / (1/HTTP + 1/SQL) = %.0f deliveries/s, %.2f of the bare client.")
                            .formatted(busy, both, both / bare.perSecond()),
                    "",
                    "Ratio Liaison / bare client: %.2f (target ≥ %.1f): %s"
                            .formatted(ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "missed"),
                    "",
                    "Liaison's heap (-Xmx512m): at most %d MB used before a collection, %d MB after one, %d MB committed, over %d collections."
                            .formatted(heap[0], heap[1], heap[2], heap[3]),
                    "JFR recording of the drain: " + recording,
                    "");
            Files.writeString(out.resolve("deliveries.md"), report);
            System.out.println(report);
            assertThat(ratio).as("Liaison's rate / the bare client's").isGreaterThanOrEqualTo(TARGET_RATIO);
            assertThat(heap[2]).as("committed heap, MB").isLessThanOrEqualTo(512);
        }
    }

    /** The same number of signed posts of a body of {@code bodyChars}, {@link #CONCURRENCY} at a time. */
    private static Rate bareClient(String url, String secret, int bodyChars) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String prefix = "{\"type\":\"liaison.message\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"text\":\"";
        String body = prefix + "x".repeat(Math.max(0, bodyChars - prefix.length() - 3)) + "\"}}";
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            senders.add(threads.submit(() -> {
                while (next.getAndIncrement() < DELIVERIES) {
                    String id = UUID.randomUUID().toString();
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(15))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                    StandardWebhooks.headers(secret, id, Instant.now().getEpochSecond(), body)
                            .forEach(request::header);
                    request.header("Content-Type", "application/json; charset=utf-8");
                    HttpResponse<String> answer = send(client, request.build());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("The sink answered " + answer.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        threads.shutdown();
        return new Rate(DELIVERIES, System.nanoTime() - start);
    }

    /**
     * Sends, and sends again when the sink closed the connection before answering (the JDK server
     * closes a kept-alive connection now and then), as Liaison's worker retries a delivery that got
     * no answer.
     */
    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * The floor of recording: the statements a worker runs for each delivery, through plain JDBC with
     * {@link #CONCURRENCY} threads and no HTTP. The drained rows go back to the queue first (then
     * VACUUM, as Liaison drained a table without dead rows); each thread locks 20 due rows with SKIP
     * LOCKED and marks them sending in one commit, then ends each with its request and answer in a
     * commit of its own, as the worker does.
     */
    private static Rate sqlFloor(DataSource database) throws Exception {
        String request;
        String answer;
        try (Connection c = database.getConnection();
                Statement statement = c.createStatement()) {
            try (ResultSet rs =
                    statement.executeQuery("SELECT request, answer FROM delivery WHERE state = 'sent' LIMIT 1")) {
                rs.next();
                request = rs.getString(1);
                answer = rs.getString(2);
            }
            statement.executeUpdate("UPDATE delivery SET state = 'queued', attempts = 0, attempted_at = NULL,"
                    + " ended_at = NULL, request = NULL, answer = NULL");
            statement.execute("VACUUM ANALYZE delivery");
        }
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger ended = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            String claim = "floor-" + t;
            workers.add(threads.submit(() -> {
                try (Connection c = database.getConnection();
                        PreparedStatement lock = c.prepareStatement("SELECT org_id, id FROM delivery"
                                + " WHERE state = 'queued' AND next_attempt_at <= now()"
                                + " ORDER BY urgent DESC, next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED");
                        PreparedStatement mark = c.prepareStatement("UPDATE delivery d SET state = 'sending',"
                                + " attempts = attempts + 1, attempted_at = now(), claimed_at = now(), claimed_by = ?"
                                + " FROM unnest(?::uuid[], ?::uuid[]) AS r(org_id, id)"
                                + " WHERE d.org_id = r.org_id AND d.id = r.id");
                        PreparedStatement end = c.prepareStatement(
                                "UPDATE delivery SET state = 'sent', request = ?,"
                                        + " answer = ?, reason = NULL, ended_at = now(), claimed_at = NULL, claimed_by = NULL"
                                        + " WHERE org_id = ? AND id = ? AND claimed_by = ? AND state IN ('queued', 'sending')")) {
                    c.setAutoCommit(false);
                    while (true) {
                        List<UUID> orgs = new ArrayList<>();
                        List<UUID> ids = new ArrayList<>();
                        try (ResultSet rs = lock.executeQuery()) {
                            while (rs.next()) {
                                orgs.add(rs.getObject(1, UUID.class));
                                ids.add(rs.getObject(2, UUID.class));
                            }
                        }
                        if (ids.isEmpty()) {
                            c.commit();
                            return null;
                        }
                        mark.setString(1, claim);
                        mark.setArray(2, c.createArrayOf("uuid", orgs.toArray()));
                        mark.setArray(3, c.createArrayOf("uuid", ids.toArray()));
                        mark.executeUpdate();
                        c.commit();
                        for (int i = 0; i < ids.size(); i++) {
                            end.setString(1, request);
                            end.setString(2, answer);
                            end.setObject(3, orgs.get(i));
                            end.setObject(4, ids.get(i));
                            end.setString(5, claim);
                            ended.addAndGet(end.executeUpdate());
                            c.commit();
                        }
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        threads.shutdown();
        long nanos = System.nanoTime() - start;
        assertThat(ended.get()).as("rows the SQL floor ended").isEqualTo(DELIVERIES);
        return new Rate(DELIVERIES, nanos);
    }

    /** The machine's busy and total CPU ticks so far, from {@code /proc/stat}. */
    private static long[] cpu() throws IOException {
        String[] fields =
                Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }

    /** Most heap before a collection, after one, committed (MB), and the number of collections. */
    private static long[] heap(Path gcLog) throws IOException {
        long[] heap = new long[4];
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = COLLECTION.matcher(line);
            if (m.find()) {
                heap[0] = Math.max(heap[0], Long.parseLong(m.group(1)));
                heap[1] = Math.max(heap[1], Long.parseLong(m.group(2)));
                heap[2] = Math.max(heap[2], Long.parseLong(m.group(3)));
                heap[3]++;
            }
        }
        return heap;
    }

    record Rate(int requests, long nanos) {
        double seconds() {
            return nanos / 1e9;
        }

        double perSecond() {
            return requests / seconds();
        }
    }

    /** Answers 200 at once; counts the requests and times the first and the last. */
    private static final class Sink implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(16);
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong first = new AtomicLong();
        private final AtomicLong last = new AtomicLong();
        private final AtomicInteger bodyChars = new AtomicInteger();

        Sink() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
            server.createContext("/sink", exchange -> {
                long now = System.nanoTime();
                try (InputStream in = exchange.getRequestBody()) {
                    bodyChars.set(new String(in.readAllBytes(), StandardCharsets.UTF_8).length());
                }
                first.compareAndSet(0, now);
                last.set(now);
                count.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(threads);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sink";
        }

        int bodyChars() {
            return bodyChars.get();
        }

        void reset() {
            count.set(0);
            first.set(0);
            last.set(0);
        }

        /** Waits for {@code requests}; their rate from the first to the last. */
        Rate await(int requests, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (count.get() < requests && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(count.get()).as("requests the sink received").isGreaterThanOrEqualTo(requests);
            return new Rate(requests, last.get() - first.get());
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
