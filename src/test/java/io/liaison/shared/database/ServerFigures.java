package io.liaison.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a server JVM of a benchmark holds: its open sockets (from {@code /proc}) and its heap (from
 * the GC log it writes with {@code -Xlog:gc:file=...}).
 */
final class ServerFigures {

    private static final Pattern COLLECTION = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** The most heap seen around collections: before one (garbage included), after one, committed. */
    record Heap(long beforeMb, long afterMb, long committedMb, int collections) {}

    private ServerFigures() {}

    /** The sockets process {@code pid} has open: listening, connected, and those to its database. */
    static int sockets(long pid) throws IOException {
        int sockets = 0;
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        sockets++;
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed between the listing and the read
                }
            }
        }
        return sockets;
    }

    /**
     * The heap still in use after a full collection that {@code jcmd GC.run} asks JVM {@code pid} for,
     * in MB, as its GC log shows it.
     */
    static long liveHeapMb(long pid, Path gcLog) throws IOException, InterruptedException {
        int before = fullCollections(gcLog).size();
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(pid),
                        "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.run failed");
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<Long> full = fullCollections(gcLog);
            if (full.size() > before) {
                return full.get(full.size() - 1);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("No full collection in " + gcLog + " after jcmd GC.run");
    }

    /** How many lines the GC log has so far: {@link #heap(Path, int)} reads from there on. */
    static int lines(Path gcLog) throws IOException {
        return Files.readAllLines(gcLog).size();
    }

    /** The heap around every collection so far. */
    static Heap heap(Path gcLog) throws IOException {
        return heap(gcLog, 0);
    }

    /** The heap around every collection after the first {@code skip} lines of the log. */
    static Heap heap(Path gcLog, int skip) throws IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        int collections = 0;
        List<String> lines = Files.readAllLines(gcLog);
        for (String line : lines.subList(Math.min(skip, lines.size()), lines.size())) {
            Matcher m = COLLECTION.matcher(line);
            if (m.find()) {
                collections++;
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return new Heap(before, after, committed, collections);
    }

    /** The heap after each full collection that jcmd asked for, in MB. */
    private static List<Long> fullCollections(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return List.of();
        }
        return Files.readAllLines(gcLog).stream()
                .filter(line -> line.contains("Pause Full (Diagnostic Command)"))
                .map(COLLECTION::matcher)
                .filter(Matcher::find)
                .map(m -> Long.parseLong(m.group(2)))
                .toList();
    }
}
