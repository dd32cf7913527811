package io.liaison.integration.sync;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What became of one line of an NDJSON sync. */
@Schema(
        description = "The result of one line of a sync, in the order of the lines.",
        example = "{\"line\": 3, \"status\": \"failed\", \"id\": null, \"errors\": [{\"field\": \"mobile\","
                + " \"code\": \"invalid.phone\", \"message\": \"is not a valid phone number\"}]}")
public record SyncLineResult(
        @Schema(description = "The line's number, from 1.", example = "3")
        int line,

        @Schema(
                allowableValues = {"created", "updated", "unchanged", "failed"},
                example = "created")
        String status,

        @Schema(
                description = "The contact; absent when the line failed.",
                example = "0190a5d2-0000-7000-8000-00000000c0de")
        @Nullable
        UUID id,

        @ArraySchema(schema = @Schema(implementation = SyncError.class))
        List<SyncError> errors) {

    /** Why a line failed: the field (null when the whole line is meant), the rule's code, in words. */
    @Schema(example = "{\"field\": \"externalId\", \"code\": \"invalid.required\", \"message\": \"is required\"}")
    public record SyncError(
            @Schema(example = "externalId") @Nullable String field,
            @Schema(example = "invalid.required") String code,
            @Schema(example = "is required") String message) {}
}
