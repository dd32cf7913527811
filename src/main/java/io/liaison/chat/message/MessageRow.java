package io.liaison.chat.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message as stored. A recalled one has no text, html, mentions or files. {@code mentions} are
 * member ids as text, and {@code all} for an @all. {@code authorName} is the author's name now, a
 * member's or a guest's.
 */
public record MessageRow(
        UUID id,
        UUID conversationId,
        long seq,
        UUID authorId,
        String authorKind,
        String authorName,
        @Nullable String text,
        @Nullable String html,
        @Nullable UUID replyTo,
        List<String> mentions,
        List<UUID> fileIds,
        @Nullable Instant editedAt,
        @Nullable Instant recalledAt,
        Instant createdAt) {

    public static final String ALL = "all";

    public MessageRow {
        mentions = List.copyOf(mentions);
        fileIds = List.copyOf(fileIds);
    }
}
