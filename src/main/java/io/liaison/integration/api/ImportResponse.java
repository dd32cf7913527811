package io.liaison.integration.api;

import io.liaison.integration.ImportJob;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An import job as the API shows it. */
record ImportResponse(
        UUID id,

        @Schema(
                allowableValues = {
                    ImportJob.QUEUED,
                    ImportJob.RUNNING,
                    ImportJob.COMPLETED,
                    ImportJob.FAILED,
                    ImportJob.CANCELLED
                },
                example = ImportJob.COMPLETED)
        String status,

        @Schema(example = "客户名单.xlsx") String fileName,
        long fileSize,
        String format,
        String mode,
        String match,
        boolean dryRun,
        Map<String, String> mapping,
        @Nullable Integer total,
        int processed,
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

    static ImportResponse of(ImportJob j) {
        return new ImportResponse(
                j.id(),
                j.status(),
                j.fileName(),
                j.fileSize(),
                j.format(),
                j.mode(),
                j.match(),
                j.dryRun(),
                j.settings().mapping(),
                j.total(),
                j.processed(),
                j.created(),
                j.updated(),
                j.unchanged(),
                j.skipped(),
                j.failed(),
                j.failure(),
                j.cancelRequested(),
                j.createdAt(),
                j.startedAt(),
                j.finishedAt());
    }
}
