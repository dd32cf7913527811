package io.liaison.review.merge;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A merge of contacts as its readers see it: who merged which contacts, when, and until when it can be undone. */
public record Merge(
        UUID id,
        UUID survivorId,

        @Schema(description = "The survivor's name now", example = "王芳", maxLength = 100)
        String survivorName,

        @Schema(description = "The contacts merged into the survivor, with the names they had")
        List<MergedContact> merged,

        UUID mergedBy,

        @Schema(description = "The member who merged them", example = "李明", maxLength = 100) @Nullable
        String mergedByName,

        OffsetDateTime mergedAt,

        @Schema(description = "The merge can be undone until this time")
        OffsetDateTime undoUntil,

        @Nullable OffsetDateTime undoneAt,

        @Schema(description = "The member who undid it", example = "李明", maxLength = 100) @Nullable
        String undoneByName,

        @Schema(description = "Whether it can still be undone: within the window, not undone, no merged contact purged")
        boolean undoable,

        @Schema(
                description =
                        "After an undo: the survivor's fields that changed after the merge and were kept as they are")
        List<KeptField> kept) {

    /** A contact merged into the survivor, with the name it had. */
    public record MergedContact(
            UUID id,
            @Schema(example = "王芳（旧）", maxLength = 100) String name) {}

    /**
     * A field the undo kept as it is now: it changed after the merge. {@code takenFromMerged}: its
     * value at the merge came from a merged contact.
     */
    public record KeptField(
            @Schema(example = "company", maxLength = 100) String field, boolean takenFromMerged) {}

    /** The answer to a merge. */
    public record Created(
            @Schema(example = "0190a2c4-5b6e-7c8d-9e0f-1a2b3c4d5e71")
            UUID mergeId) {}
}
