package io.liaison.integration;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import: the file, how to import it, and how far it has come. {@code nextRecord} is the number
 * of records of the file (blank ones included) that committed batches have handled, where a
 * resumed job goes on; {@code total} counts the non-blank records, as the counters do.
 */
public record ImportJob(
        UUID id,
        UUID createdBy,
        String fileName,
        long fileSize,
        String format,
        String mode,
        String match,
        boolean dryRun,
        Settings settings,
        String status,
        @Nullable Integer total,
        int nextRecord,
        int created,
        int updated,
        int unchanged,
        int skipped,
        int failed,
        @Nullable String failure,
        boolean cancelRequested,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime startedAt,
        @Nullable OffsetDateTime finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    /** What the job was asked (with the worksheet of a workbook, when not the first), and the header it read. */
    public record Settings(
            List<String> header,
            Map<String, String> mapping,
            @Nullable UUID defaultOwnerId,
            boolean createMissingTags,
            @Nullable String sheet) {}

    /** The non-blank records handled so far. */
    public int processed() {
        return created + updated + unchanged + skipped + failed;
    }

    public boolean finished() {
        return status.equals(COMPLETED) || status.equals(FAILED) || status.equals(CANCELLED);
    }
}
