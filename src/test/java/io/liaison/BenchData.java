package io.liaison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A data directory of the benchmark, filled once by the real {@code demo-data} command and reused
 * while its marker file names the same size and seed. A directory the benchmark did not make is
 * never touched.
 */
public final class BenchData {

    public static final String MARKER = "benchmark-data.properties";
    /**
     * What the demo data holds, raised when {@code demo-data} makes more of it (2: the events of issue
     * 24, such as group messages, pushes and tasks): a directory made by an earlier version is made anew.
     */
    static final String DEMO_VERSION = "2";

    private BenchData() {}

    /** The directory for {@code contacts} under {@code root}: {@code 100k}, {@code 1m} or the number. */
    public static Path dirFor(Path root, int contacts) {
        String name = contacts % 1_000_000 == 0
                ? contacts / 1_000_000 + "m"
                : contacts % 1_000 == 0 ? contacts / 1_000 + "k" : String.valueOf(contacts);
        return root.resolve(name);
    }

    /** The data directory with {@code contacts} demo contacts of {@code seed}, made when missing. */
    public static Path prepare(Path root, int contacts, long seed, Path jar) throws IOException, InterruptedException {
        Path dir = dirFor(root, contacts);
        Path marker = dir.resolve(MARKER);
        if (Files.exists(marker)) {
            Properties p = read(marker);
            if (p.getProperty("state", "").equals("ready")
                    && p.getProperty("contacts", "").equals(String.valueOf(contacts))
                    && p.getProperty("seed", "").equals(String.valueOf(seed))
                    && p.getProperty("demo", "").equals(DEMO_VERSION)) {
                System.out.printf("benchmark: reusing %s (%,d contacts, seed %d)%n", dir, contacts, seed);
                return dir;
            }
            System.out.printf(
                    "benchmark: %s is unfinished or of another size, seed or demo data version, making it anew%n", dir);
            delete(dir);
        } else if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isPresent()) {
                    throw new IllegalStateException(dir + " is not empty and has no " + MARKER
                            + "; the benchmark only uses directories it made itself");
                }
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it first (./mvnw -B -DskipTests package)");
        }
        Files.createDirectories(dir);
        write(marker, contacts, seed, "pending");
        long start = System.nanoTime();
        System.out.printf("benchmark: demo-data --contacts %d --seed %d into %s%n", contacts, seed, dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder command = new ProcessBuilder(
                        java,
                        "-jar",
                        jar.toString(),
                        "demo-data",
                        "--contacts",
                        String.valueOf(contacts),
                        "--seed",
                        String.valueOf(seed))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("demo-data.log").toFile());
        command.environment().put("LIAISON_DATA_DIR", dir.toString());
        command.environment().put("LIAISON_ADMIN_PASSWORD", "benchmark-admin-password");
        command.environment().remove("LIAISON_DB_URL");
        int status = command.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(
                    "demo-data exited with " + status + "; see " + dir.resolve("demo-data.log"));
        }
        write(marker, contacts, seed, "ready");
        System.out.printf(
                "benchmark: demo data ready in %d s%n",
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
        return dir;
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }

    private static void write(Path file, int contacts, long seed, String state) throws IOException {
        Files.writeString(
                file, "contacts=" + contacts + "\nseed=" + seed + "\ndemo=" + DEMO_VERSION + "\nstate=" + state + "\n");
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
