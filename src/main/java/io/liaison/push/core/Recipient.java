package io.liaison.push.core;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a push as its reader sees it: a contact (named only when the reader sees it), a
 * customer group or a robot, with its state and, when it was not sent, the reason: a code ({@code
 * invisible}, {@code opted-out}, {@code no-address}, {@code capped-day}, {@code capped-month}, {@code
 * cancelled}, {@code contact-gone}, {@code not-in-group}, {@code not-allowed-to-post}, {@code
 * conversation-dissolved}, or {@code channel} for the delivery module's own), and in words, in the
 * reader's language.
 */
public record Recipient(
        UUID id,
        String kind,
        @Nullable UUID contactId,
        @Schema(example = "张三") @Nullable String contactName,
        @Nullable UUID conversationId,
        @Nullable UUID channelId,
        @Nullable String targetName,
        String state,
        @Nullable String reason,
        @Nullable String reasonText,
        Instant createdAt,
        @Nullable Instant endedAt) {}
