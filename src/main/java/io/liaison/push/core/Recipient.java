package io.liaison.push.core;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a push as its reader sees it: a contact (named only when the reader sees it), a
 * customer group or a robot, with its state and, when it was not sent, the reason.
 */
public record Recipient(
        UUID id,
        String kind,
        @Nullable UUID contactId,
        @Nullable String contactName,
        @Nullable UUID conversationId,
        @Nullable UUID channelId,
        @Nullable String targetName,
        String state,
        @Nullable String reason,
        Instant createdAt,
        @Nullable Instant endedAt) {}
