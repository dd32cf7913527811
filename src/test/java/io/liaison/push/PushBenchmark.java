package io.liaison.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BenchData;
import io.liaison.BenchDatabase;
import io.liaison.BenchProcess;
import io.liaison.channel.send.FakeSmtpServer;
import io.liaison.contact.BenchReport;
import io.liaison.contact.ContactFilter;
import io.liaison.identity.Actor;
import io.liaison.push.audience.Audience;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mass push of issue 20 at scale: an administrator (scope ALL) of the demo organization sends one
 * e-mail push to every contact (the filter {@code {}}) through {@code POST /api/v1/pushes}, with the
 * organization's limits raised first (no caps, no approval, 10^7 recipients at most). Liaison runs from
 * its jar in its own JVM ({@code -Xmx512m}, GC log, JFR recording) on the demo data of {@link
 * BenchData}, with the scheduler on and its SMTP server a {@link FakeSmtpServer} in this JVM that takes
 * and counts every message. Measured: the time from the POST to every recipient written (the push
 * leaves {@code scheduled}), next to the bare {@code INSERT ... SELECT} of the same rows ({@link
 * PushFloor}, run before the push and again after it); then the deliveries the sink receives per
 * second for {@code benchmark.seconds} while the queue drains, after which the push is cancelled.
 * Everything the benchmark wrote is removed at the end and the push settings put back. Writes {@code
 * target/benchmark/push.md}. Targets: 10^6 recipients in ≤ 10 s, at ≥ 0.5× the floor's rate; reported,
 * not asserted (the machine is shared); asserted: every contact is a recipient, mail reaches the sink,
 * the heap stays within 512 MB.
 */
@Tag("benchmark")
class PushBenchmark {

    static final double TARGET_RATIO = 0.5;
    static final Duration TARGET_TIME = Duration.ofSeconds(10);
    static final String NAME = "PushBenchmark";

    private final List<Integer> sizes = Arrays.stream(
                    System.getProperty("benchmark.sizes", "1000000").split(","))
            .map(s -> Integer.parseInt(s.trim().replace("_", "")))
            .toList();
    private final long seed = Long.getLong("benchmark.seed", 42);
    private final Path dataRoot =
            Path.of(System.getProperty("benchmark.data", System.getProperty("java.io.tmpdir") + "/liaison-benchmark"));
    private final Path jar = Path.of(System.getProperty("benchmark.jar", "target/liaison.jar"));
    private final Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark/push.md"));
    private final Duration window = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 60));
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void pushToEveryContact() throws Exception {
        List<String> report = new ArrayList<>(List.of(
                "# Push benchmark",
                "",
                BenchReport.machine() + "; Liaison " + String.join(" ", BenchProcess.JVM_FLAGS) + ".",
                ""));
        for (int size : sizes) {
            Path dir = BenchData.prepare(dataRoot, size, seed, jar);
            report.addAll(measure(size, dir));
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, String.join("\n", report) + "\n");
        }
        System.out.println(String.join("\n", report));
        System.out.println("benchmark: written to " + output.toAbsolutePath());
    }

    private List<String> measure(int size, Path dir) throws Exception {
        Path logs = Files.createDirectories(output.toAbsolutePath().getParent());
        Path recording = logs.resolve("push-" + size + ".jfr");
        try (FakeSmtpServer sink = new FakeSmtpServer("250 OK")) {
            BenchProcess started = BenchProcess.start(
                            "push-liaison",
                            logs,
                            List.of(
                                    "-XX:StartFlightRecording=filename=" + recording + ",settings=profile",
                                    "-jar",
                                    jar.toAbsolutePath().toString()),
                            List.of("--server.port=%PORT%", "--logging.level.root=WARN"),
                            Map.of(
                                    "LIAISON_DATA_DIR", dir.toAbsolutePath().toString(),
                                    "LIAISON_DB_URL", "",
                                    "LIAISON_DB_USER", "",
                                    "LIAISON_DB_PASSWORD", "",
                                    "LIAISON_SMTP_HOST", "127.0.0.1",
                                    "LIAISON_SMTP_PORT", Integer.toString(sink.port()),
                                    "LIAISON_SMTP_FROM", "Liaison <noreply@liaison.example>",
                                    "LIAISON_SMTP_SECURITY", "none"))
                    .awaitAnswer("/actuator/health", 200);
            long postmaster = 0;
            try (BenchProcess liaison = started;
                    BenchDatabase database = BenchDatabase.open(dir)) {
                postmaster = database.postmaster;
                Api api = new Api(liaison.port, database);
                PushRun run = new PushRun(api, database, sink, liaison, window);
                return run.measure(size, recording);
            } finally {
                if (postmaster != 0) {
                    BenchDatabase.stopLeftover(postmaster);
                }
            }
        }
    }

    /** The REST API as the demo organization's administrator, with a token. */
    final class Api {

        final Actor admin;
        private final int port;
        private final String token;

        Api(int port, BenchDatabase database) {
            this.port = port;
            this.admin = database.actor(database.demoAdmin());
            this.token = database.token(admin);
        }

        /** Sends {@code body} (null: none) and answers the JSON; fails unless the status is {@code expected}. */
        JsonNode call(String method, String path, String body, int expected) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as(method + " " + path + ": " + answer.body())
                    .isEqualTo(expected);
            return json.readTree(answer.body().isEmpty() ? "{}" : answer.body());
        }

        String write(Object value) {
            return json.writeValueAsString(value);
        }
    }

    /** The audience of the push: every live contact the sender sees (the filter {@code {}}). */
    static Audience everyone() {
        return new Audience(ContactFilter.none(), List.of(), List.of(), List.of());
    }

    /** The load average of the machine now (1, 5 and 15 minutes), from {@code /proc/loadavg}. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String now() {
        return OffsetDateTime.now().withNano(0).toString();
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
