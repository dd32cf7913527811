package io.liaison.chat.api;

import io.liaison.chat.conversation.ConversationRow;
import io.liaison.chat.conversation.ConversationService.Conversation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A conversation as one of its participants sees it, with their role, muted state and unread count. */
record ConversationResponse(
        UUID id,

        @Schema(allowableValues = {"internal", "external", "direct"})
        String kind,

        @Schema(description = "null for a direct conversation", example = "华东客户群") @Nullable
        String name,

        UUID ownerId,

        @Schema(description = "The pinned announcement, with who set it and when; null when there is none.") @Nullable
        Announcement announcement,

        ConversationRow.GroupSettings settings,

        @Schema(description = "The contacts the group links to; empty for a guest")
        List<UUID> contactIds,

        @Schema(description = "The tags the group links to; empty for a guest")
        List<UUID> tagIds,

        @Schema(allowableValues = {"owner", "admin", "member"})
        String role,

        boolean muted,
        long lastSeq,
        long readSeq,
        @Schema(description = "lastSeq - readSeq") long unread,
        @Nullable Instant lastMessageAt,

        @Schema(description = "The latest message; null before the first.") @Nullable
        MessageResponse lastMessage,

        @Schema(description = "When it was dissolved: its history stays readable, nothing more is posted.") @Nullable
        Instant dissolvedAt,

        Instant createdAt,
        long version) {

    record Announcement(@Schema(example = "周五前交付报价") String text, UUID setBy, Instant setAt) {}

    static ConversationResponse of(Conversation c, @Nullable MessageResponse lastMessage) {
        ConversationRow r = c.row();
        Announcement announcement = r.announcement() == null || r.announcementBy() == null || r.announcementAt() == null
                ? null
                : new Announcement(r.announcement(), r.announcementBy(), r.announcementAt());
        return new ConversationResponse(
                r.id(),
                r.kind(),
                r.name(),
                r.ownerId(),
                announcement,
                r.settings(),
                c.contactIds(),
                c.tagIds(),
                r.role(),
                r.muted(),
                r.lastSeq(),
                r.readSeq(),
                r.unread(),
                r.lastMessageAt(),
                lastMessage,
                r.dissolvedAt(),
                r.createdAt(),
                r.version());
    }
}
