package io.liaison.task.cadence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contact whose cadence has lapsed: nobody has been in touch for {@code everyDays} days since its
 * last contact ({@code lastContactedAt}; its creation when never contacted). It has been due since
 * {@code dueSince}.
 */
public record DueContact(
        UUID contactId,
        @Schema(maxLength = 100, example = "张三") String name,
        UUID ownerId,
        @Schema(maxLength = 100, example = "李娜") String ownerName,
        @Nullable Instant lastContactedAt,
        int everyDays,
        Instant dueSince) {}
