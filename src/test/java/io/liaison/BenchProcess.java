package io.liaison;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server of the benchmark in its own JVM, started with the flags every server gets, its output
 * and its GC log in files; with the CPU time it used (from {@code /proc}) and the heap its
 * collections saw.
 */
public final class BenchProcess implements AutoCloseable {

    /** The JVM flags of Liaison and of the floor application alike. */
    public static final List<String> JVM_FLAGS = List.of("-Xmx512m");

    /** Long enough for the migrations a new version of Liaison runs on a data directory of 10^6 contacts. */
    private static final Duration STARTUP = Duration.ofMinutes(30);

    private static final Pattern COLLECTION = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final long TICK_MS = 1000 / clockTicks();

    /** The most heap seen around collections: before one (garbage included), after one, committed. */
    public record Heap(long beforeMb, long afterMb, long committedMb, int collections, boolean outOfMemory) {}

    public final String name;
    public final int port;
    private final Process process;
    private final Path log;
    private final Path gcLog;

    private BenchProcess(String name, int port, Process process, Path log, Path gcLog) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
    }

    /**
     * Starts {@code java <flags> <launch...> <args...>} in {@code dir} on a free port, which {@code
     * args} receives as {@code %PORT%}; {@code env} adds variables, and removes those mapped to "".
     */
    public static BenchProcess start(
            String name, Path dir, List<String> launch, List<String> args, Map<String, String> env) throws IOException {
        int port = freePort();
        Path log = dir.resolve(name + ".log");
        Path gcLog = dir.resolve(name + "-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(launch);
        args.forEach(a -> command.add(a.replace("%PORT%", Integer.toString(port))));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        env.forEach((key, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        return new BenchProcess(name, port, builder.start(), log, gcLog);
    }

    /**
     * Waits until {@code path} answers {@code expected}; fails, naming the log, if the JVM dies first
     * or takes too long (then it is stopped).
     */
    public BenchProcess awaitAnswer(String path, int expected) throws IOException, InterruptedException {
        try {
            return await(path, expected);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private BenchProcess await(String path, int expected) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == expected) {
                    return this;
                }
            } catch (IOException notYetListening) {
                // The port opens at the end of the start.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not answer on " + path + " within " + STARTUP + "; see " + log);
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time (user and system, all threads) this JVM used so far, in milliseconds. */
    public long cpuMillis() throws IOException {
        return cpuMillis(process.pid(), false);
    }

    /**
     * CPU time of PostgreSQL so far, in milliseconds: the postmaster's, its live children's, and
     * that of the children it already reaped.
     */
    public static long postgresCpuMillis(long postmaster) throws IOException {
        long total = cpuMillis(postmaster, true);
        for (ProcessHandle child :
                ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
            try {
                total += cpuMillis(child.pid(), false);
            } catch (IOException gone) {
                // exited between the listing and the read; the postmaster's count has it once reaped
            }
        }
        return total;
    }

    private static long cpuMillis(long pid, boolean withReapedChildren) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // After the command name in parentheses: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks * TICK_MS;
    }

    /** The heap around every collection so far, from the GC log. */
    public Heap heap() throws IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        int collections = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = COLLECTION.matcher(line);
            if (m.find()) {
                collections++;
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return new Heap(
                before, after, committed, collections, Files.readString(log).contains("OutOfMemoryError"));
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String ticks = new String(getconf.getInputStream().readAllBytes()).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(ticks) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, so that Liaison stops its PostgreSQL in order; SIGKILL after a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
