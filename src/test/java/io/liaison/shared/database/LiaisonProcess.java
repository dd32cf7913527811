package io.liaison.shared.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Liaison started the way a user starts it: its own JVM, configured only by environment variables,
 * with its output in a file. The class path is the test's minus the test classes, so none of the
 * test set-up (such as the shared test database) takes part.
 */
final class LiaisonProcess implements AutoCloseable {

    // Two nodes starting together on a busy 2-core CI machine need more than a minute each.
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path output;
    private final Path dataDir;
    private final int port;

    private LiaisonProcess(Process process, Path output, Path dataDir, int port) {
        this.process = process;
        this.output = output;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts Liaison on {@code dataDir} and a free port; {@code env} adds or overrides variables, {@code
     * args} are its command line.
     */
    static LiaisonProcess launch(Path dataDir, Map<String, String> env, String... args) throws IOException {
        int port = freePort();
        Path output = Files.createTempFile(dataDir.getParent(), "liaison-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                applicationClassPath(),
                "io.liaison.LiaisonApplication"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("LIAISON_"));
        environment.put("LIAISON_DATA_DIR", dataDir.toString());
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.putAll(env);
        return new LiaisonProcess(builder.start(), output, dataDir, port);
    }

    private static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the log if Liaison dies first. */
    LiaisonProcess awaitHealthy() throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Liaison exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> health = get("/actuator/health", null);
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYetListening) {
                // The port opens only at the end of the start.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Liaison was not healthy after " + STARTUP + ":\n" + log());
    }

    /** Waits for the JVM to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Liaison still runs after " + timeout + ":\n" + log());
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager stops it; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** SIGKILL to the JVM alone, as the kernel or {@code kill -9} does it. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The address of {@code path} on this Liaison, for requests a test builds itself. */
    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String log() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path, @Nullable String authorization) throws IOException, InterruptedException {
        return send(request(path, authorization).GET());
    }

    HttpResponse<String> post(String path, @Nullable String authorization, String json)
            throws IOException, InterruptedException {
        return send(request(path, authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String authorization, String json)
            throws IOException, InterruptedException {
        return send(request(path, authorization)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path, String authorization) throws IOException, InterruptedException {
        return send(request(path, authorization).DELETE());
    }

    /** A multipart upload of one file (field {@code file}) with form fields. */
    HttpResponse<String> upload(String path, String authorization, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "liaison-test-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(request(path, authorization)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, @Nullable String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The port of the embedded PostgreSQL this Liaison last started, from its log. */
    int embeddedPostgresPort() {
        Matcher logged = Pattern.compile("Embedded PostgreSQL listening on localhost:(\\d+)")
                .matcher(log());
        String port = null;
        while (logged.find()) {
            port = logged.group(1);
        }
        if (port == null) {
            throw new AssertionError("No embedded PostgreSQL in the log:\n" + log());
        }
        return Integer.parseInt(port);
    }

    /** A connection to the embedded database {@code liaison} on {@code port}, with no password when null. */
    static Connection connect(int port, String user, @Nullable String password) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        if (password != null) {
            login.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/liaison", login);
    }

    /** The PostgreSQL server that {@code postmaster.pid} names in the data directory, if it runs. */
    static Optional<ProcessHandle> postgresIn(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst()
                    .map(line -> Long.parseLong(line.trim()))
                    .flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends this JVM and any PostgreSQL left in its data directory, whatever state the test left. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        stopPostgresIn(dataDir);
    }

    static void stopPostgresIn(Path dataDir) {
        Optional<ProcessHandle> postgres = postgresIn(dataDir);
        if (postgres.isPresent()) {
            ProcessHandle server = postgres.get();
            server.destroy();
            if (!server.onExit()
                    .completeOnTimeout(server, 20, TimeUnit.SECONDS)
                    .join()
                    .isAlive()) {
                return;
            }
            server.destroyForcibly();
        }
    }
}
