package io.liaison.integration;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An export: what it takes, and its file once written. */
public record ExportJob(
        UUID id,
        UUID createdBy,
        String format,
        Settings settings,
        String status,
        int rows,
        @Nullable String failure,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime finishedAt,
        @Nullable OffsetDateTime expiresAt) {

    /**
     * The list's filter as the request gave it, or the chosen contacts; the vCard version; the
     * language of the column headers.
     */
    public record Settings(Map<String, Object> filter, List<UUID> contactIds, String vcardVersion, String language) {}

    public String mediaType() {
        return switch (format) {
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "vcard" -> "text/vcard;charset=UTF-8";
            default -> "text/csv;charset=UTF-8";
        };
    }

    /** Named for the day of the export in {@code zone}, the organization's. */
    public String fileName(ZoneId zone) {
        String extension = switch (format) {
            case "xlsx" -> "xlsx";
            case "vcard" -> "vcf";
            default -> "csv";
        };
        return "contacts-" + createdAt.atZoneSameInstant(zone).toLocalDate() + "." + extension;
    }
}
