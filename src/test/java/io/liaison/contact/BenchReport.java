package io.liaison.contact;

import io.liaison.BenchProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as Markdown, with the targets of issue 17 checked per row. */
public final class BenchReport {

    static final double JDBC_P50_MS = 10;
    static final double FLOOR_RATIO = 1.5;
    static final double TAIL_RATIO = 3;
    static final double GET_THROUGHPUT_RATIO = 0.5;
    static final long HEAP_MB = 512;

    /** CPU time per request in milliseconds: of the server's JVM, and of PostgreSQL. */
    record Cpu(double server, double postgres) {

        static Cpu of(long serverMillis, long postgresMillis, int requests) {
            return new Cpu((double) serverMillis / requests, (double) postgresMillis / requests);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f + %.2f", server, postgres);
        }
    }

    /**
     * One kind of request, measured over HTTP against Liaison and against the floor application,
     * and through Liaison's query layer (JDBC floor); with the CPU each server and its PostgreSQL
     * spent per HTTP request.
     */
    record Row(
            String kind,
            boolean get,
            LoadLoop.Stats http,
            LoadLoop.Stats floorHttp,
            LoadLoop.Stats jdbc,
            Cpu liaisonCpu,
            Cpu floorCpu) {}

    private final StringBuilder md = new StringBuilder();

    BenchReport(String settings) {
        md.append("Measured ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(" on ")
                .append(machine())
                .append(". ")
                .append(settings)
                .append("\n");
    }

    void section(String title, List<Row> rows, String notes) {
        md.append("\n#### ").append(title).append("\n\n");
        md.append("| kind | HTTP p50 | p95 | p99 | req/s | floor app p50 | floor app req/s | JDBC p50 | JDBC p95"
                + " | HTTP ÷ floor app p50 | p95 ÷ p50 | CPU ms/req, Liaison + PG | CPU ms/req, floor app + PG"
                + " | targets |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (Row row : rows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %,.0f | %s | %,.0f | %s | %s | %s | %s | %s | %s | %s |%n",
                    row.kind(),
                    ms(row.http().p50()),
                    ms(row.http().p95()),
                    ms(row.http().p99()),
                    row.http().perSecond(),
                    ms(row.floorHttp().p50()),
                    row.floorHttp().perSecond(),
                    ms(row.jdbc().p50()),
                    ms(row.jdbc().p95()),
                    times(row.http().p50() / row.floorHttp().p50()),
                    times(row.http().p95() / row.http().p50()),
                    row.liaisonCpu(),
                    row.floorCpu(),
                    verdict(row)));
        }
        md.append("\n").append(notes).append("\n");
        for (Row row : rows) {
            problem(row.kind(), "HTTP", row.http());
            problem(row.kind(), "floor app", row.floorHttp());
            problem(row.kind(), "JDBC floor", row.jdbc());
        }
    }

    private void problem(String kind, String how, LoadLoop.Stats stats) {
        if (stats.failures() > 0 || stats.empty() > 0) {
            md.append("\n- ")
                    .append(kind)
                    .append(", ")
                    .append(how)
                    .append(": ")
                    .append(stats.problems())
                    .append(" of ")
                    .append(stats.requests());
        }
    }

    /**
     * GET by id: throughput ≥ ½ the floor application's. Every other kind: JDBC floor p50 ≤ 10 ms,
     * HTTP p50 ≤ 1.5× the floor application's, p95 ≤ 3× p50. Each missed target says by how much.
     */
    static String verdict(Row row) {
        List<String> missed = new ArrayList<>();
        if (row.get()) {
            double ratio = row.http().perSecond() / row.floorHttp().perSecond();
            if (ratio < GET_THROUGHPUT_RATIO) {
                missed.add(String.format(Locale.ROOT, "req/s %.2f× the floor app's (target ≥ 0.5×)", ratio));
            }
        } else {
            if (row.jdbc().p50() > JDBC_P50_MS) {
                missed.add(String.format(
                        Locale.ROOT, "JDBC p50 %.1f ms over 10 ms", row.jdbc().p50() - JDBC_P50_MS));
            }
            double ratio = row.http().p50() / row.floorHttp().p50();
            if (ratio > FLOOR_RATIO) {
                missed.add(String.format(Locale.ROOT, "HTTP p50 %.1f× the floor app's (target ≤ 1.5×)", ratio));
            }
            double tail = row.http().p95() / row.http().p50();
            if (tail > TAIL_RATIO) {
                missed.add(String.format(Locale.ROOT, "p95 %.1f× p50 (target ≤ 3×)", tail));
            }
        }
        return missed.isEmpty() ? "met" : "**missed**: " + String.join("; ", missed);
    }

    /** The heap of a server's JVM over its whole run, and the target heap ≤ 512 MB for Liaison. */
    public static String heap(String server, BenchProcess.Heap heap, boolean target) {
        String figures = String.format(
                Locale.ROOT,
                "%s's heap: at most %d MB used before a collection, %d MB after one, %d MB committed, over %d"
                        + " collections",
                server,
                heap.beforeMb(),
                heap.afterMb(),
                heap.committedMb(),
                heap.collections());
        if (!target) {
            return figures + ".";
        }
        boolean met = !heap.outOfMemory() && heap.committedMb() <= HEAP_MB;
        return figures + (heap.outOfMemory() ? ", with an OutOfMemoryError" : "") + ": heap ≤ 512 MB "
                + (met ? "met" : "**missed**") + ".";
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%,.0f×" : "%.1f×", ratio);
    }

    private static String ms(double millis) {
        return millis >= 100
                ? String.format(Locale.ROOT, "%,.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    void line(String text) {
        md.append("\n").append(text).append("\n");
    }

    String markdown() {
        return md.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md.toString());
    }

    public static String machine() {
        String cpu = "unknown CPU";
        long memoryKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(cpu);
            memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0L);
        } catch (IOException | RuntimeException e) {
            // not Linux: the figures above stay unknown
        }
        return String.format(
                Locale.ROOT,
                "%s, %d cores (nproc), %.0f GB RAM, Java %s (%s)",
                cpu,
                Runtime.getRuntime().availableProcessors(),
                memoryKb / 1024.0 / 1024.0,
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }
}
