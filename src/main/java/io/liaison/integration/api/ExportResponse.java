package io.liaison.integration.api;

import io.liaison.integration.ExportJob;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An export job as the API shows it, with where to download its file once completed. */
record ExportResponse(
        UUID id,
        String status,

        @Schema(
                allowableValues = {"csv", "xlsx", "vcard"},
                example = "xlsx")
        String format,

        int rows,
        @Nullable String failure,
        String fileName,
        @Nullable String fileUrl,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime finishedAt,
        @Nullable OffsetDateTime expiresAt) {

    static ExportResponse of(ExportJob j, ZoneId zone) {
        return new ExportResponse(
                j.id(),
                j.status(),
                j.format(),
                j.rows(),
                j.failure(),
                j.fileName(zone),
                j.status().equals("completed") ? "/api/v1/exports/" + j.id() + "/file" : null,
                j.createdAt(),
                j.finishedAt(),
                j.expiresAt());
    }
}
