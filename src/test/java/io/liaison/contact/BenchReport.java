package io.liaison.contact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The benchmark's results as Markdown, with the targets of issue 5 checked per row. */
public final class BenchReport {

    static final double P95_TARGET_MS = 15;
    static final double FLOOR_RATIO_TARGET = 2;
    static final double PEER_RATIO_TARGET = 30;

    /** One kind of request measured three ways; {@code peer} is null where there is no peer pattern. */
    record Row(String kind, LoadLoop.Stats http, LoadLoop.Stats floor, LoadLoop.@Nullable Stats peer) {}

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
        md.append("| kind | HTTP p50 | p95 | p99 | req/s | floor p50 | floor p95 | HTTP ÷ floor p50"
                + " | peer p95 | peer ÷ HTTP p95 | targets |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (Row row : rows) {
            double floorRatio = row.http().p50() / row.floor().p50();
            Double peerRatio =
                    row.peer() == null ? null : row.peer().p95() / row.http().p95();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %,.0f | %s | %s | %.1f× | %s | %s | %s |%n",
                    row.kind(),
                    ms(row.http().p50()),
                    ms(row.http().p95()),
                    ms(row.http().p99()),
                    row.http().perSecond(),
                    ms(row.floor().p50()),
                    ms(row.floor().p95()),
                    floorRatio,
                    row.peer() == null ? "—" : ms(row.peer().p95()),
                    peerRatio == null ? "—" : times(peerRatio),
                    verdict(row.http().p95(), floorRatio, peerRatio)));
        }
        md.append("\n").append(notes).append("\n");
        for (Row row : rows) {
            problem(row.kind(), "HTTP", row.http());
            problem(row.kind(), "floor", row.floor());
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

    static String verdict(double p95, double floorRatio, @Nullable Double peerRatio) {
        StringBuilder missed = new StringBuilder();
        if (p95 > P95_TARGET_MS) {
            missed.append(", p95 > 15 ms");
        }
        if (floorRatio > FLOOR_RATIO_TARGET) {
            missed.append(", > 2× floor");
        }
        if (peerRatio != null && peerRatio < PEER_RATIO_TARGET) {
            missed.append(", < 30× peer");
        }
        return missed.isEmpty() ? "met" : "**missed**" + missed.substring(1);
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
