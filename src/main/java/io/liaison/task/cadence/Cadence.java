package io.liaison.task.cadence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How often a contact should hear from us: every {@code everyDays} days, set on one contact ({@code
 * contactId}) or on a tag ({@code tagId}) for every contact that carries it. A contact's own cadence
 * wins over its tags'; of its tags' cadences, the shortest applies.
 */
public record Cadence(
        UUID id,
        @Nullable UUID contactId,
        @Nullable UUID tagId,

        @Schema(minimum = "1", maximum = "365", example = "14")
        int everyDays,

        UUID createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 365;
}
