package io.liaison.integration.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.liaison.contact.ContactLimits;
import io.liaison.integration.ExportService;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An export of the contacts a filter finds, or of the contacts named by id. */
record ExportInput(
        @Schema(
                allowableValues = {"csv", "xlsx", "vcard"},
                example = "csv")
        String format,

        @Nullable Filter filter,

        @ArraySchema(
                minItems = 1,
                maxItems = ExportService.MAX_CONTACT_IDS,
                arraySchema = @Schema(description = "The contacts to export instead of a filter."))
        @Nullable
        List<UUID> contactIds,

        @Schema(
                description = "The vCard version of a vcard export.",
                allowableValues = {"3.0", "4.0"},
                defaultValue = "3.0")
        @Nullable
        String version) {

    /**
     * The filters of the contact list, by the names of its query parameters. Other keys are kept in
     * {@code others} so that the export names each of them beside every other invalid field.
     */
    @Schema(description = "The contact list's filters; without them and contactIds, every visible contact.")
    record Filter(
            @Schema(description = "Name, pinyin, initials, phone fragment, e-mail or company.", example = "zhang")
            @Nullable
            String q,

            @ArraySchema(maxItems = ContactLimits.TAGS) @Nullable
            List<UUID> tagIds,

            @Schema(
                    allowableValues = {"all", "any"},
                    defaultValue = "all")
            @Nullable
            String tagMode,

            @Nullable UUID ownerId,
            @Nullable UUID deptId,
            @Schema(example = "ACME Ltd.") @Nullable String company,
            @Schema(example = "import") @Nullable String source,

            @Schema(example = "2026-01-31T00:00:00+08:00") @Nullable
            OffsetDateTime createdAfter,

            @Schema(example = "2026-01-31T00:00:00+08:00") @Nullable
            OffsetDateTime updatedAfter,

            @Schema(example = "2026-01-31T00:00:00+08:00") @Nullable
            OffsetDateTime lastContactedBefore,

            @Schema(example = "crm:A-1024") @Nullable String externalId,

            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) @Nullable
            Map<String, @Nullable Object> others) {}
}
