package io.liaison.review.merge;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A merge record as stored, its JSON columns as text, with the names of the people involved. */
record MergeRow(
        UUID id,
        UUID survivorId,
        String survivorName,
        List<UUID> mergedIds,
        String names,
        String fields,
        String before,
        String after,
        String moved,
        UUID mergedBy,
        @Nullable String mergedByName,
        OffsetDateTime mergedAt,
        @Nullable OffsetDateTime undoneAt,
        @Nullable String undoneByName,
        @Nullable String outcome,
        @Nullable OffsetDateTime erasedAt) {}
