package io.liaison.chat.api;

import io.liaison.chat.message.MessageRow;
import io.liaison.chat.message.Quote;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message as its conversation's participants see it; a recalled one has no text, html, mentions or files. */
public record MessageResponse(
        UUID id,
        UUID conversationId,

        @Schema(description = "Its number in the conversation, from 1, in the order messages were posted")
        long seq,

        UUID authorId,
        @Schema(allowableValues = {"member", "guest"}) String authorKind,

        @Schema(description = "The author's name now, a member's or a guest's", example = "李雷")
        String authorName,

        @Schema(description = "The Markdown as written; null once recalled", example = "**报价**见附件 @张伟") @Nullable
        String text,

        @Schema(description = "The text rendered and sanitised; null once recalled") @Nullable
        String html,

        @Schema(description = "The message of the same conversation it replies to") @Nullable
        UUID replyTo,

        @Schema(description = "What the reply quotes of that message") @Nullable
        Quote quote,

        @Schema(description = "Member ids mentioned, and all for @all")
        List<String> mentions,

        List<UUID> fileIds,
        @Nullable Instant editedAt,

        @Schema(description = "When its author recalled it") @Nullable
        Instant recalledAt,

        Instant createdAt) {

    static MessageResponse of(MessageRow m, @Nullable Quote quote) {
        return new MessageResponse(
                m.id(),
                m.conversationId(),
                m.seq(),
                m.authorId(),
                m.authorKind(),
                m.authorName(),
                m.text(),
                m.html(),
                m.replyTo(),
                quote,
                m.mentions(),
                m.fileIds(),
                m.editedAt(),
                m.recalledAt(),
                m.createdAt());
    }

    static Map<UUID, MessageResponse> latest(List<MessageRow> rows) {
        Map<UUID, MessageResponse> latest = new HashMap<>();
        rows.forEach(m -> latest.put(m.conversationId(), of(m, null)));
        return latest;
    }
}
