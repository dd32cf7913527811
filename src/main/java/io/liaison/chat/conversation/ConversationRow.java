package io.liaison.chat.conversation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A conversation as stored, with the reader's own participation (role, muted, what they have read). */
public record ConversationRow(
        UUID id,
        String kind,
        @Nullable String name,
        UUID ownerId,
        @Nullable String announcement,
        @Nullable UUID announcementBy,
        @Nullable Instant announcementAt,
        GroupSettings settings,
        long lastSeq,
        @Nullable Instant lastMessageAt,
        Instant createdAt,
        @Nullable Instant dissolvedAt,
        long version,
        String role,
        boolean muted,
        long readSeq) {

    static final String DIRECT = "direct";
    static final String EXTERNAL = "external";
    static final String OWNER = "owner";
    static final String ADMIN = "admin";
    static final String MEMBER = "member";

    public boolean manages() {
        return role.equals(OWNER) || role.equals(ADMIN);
    }

    public boolean direct() {
        return kind.equals(DIRECT);
    }

    public long unread() {
        return Math.max(0, lastSeq - readSeq);
    }

    /** The group's settings, in the API's words. */
    public record GroupSettings(
            boolean guestsSeeParticipants,
            boolean guestsDownload,
            boolean guestsMentionAll,
            boolean guestsInvite,

            @Schema(description = "Announcement mode: only the owner and admins post", example = "false")
            boolean adminsOnlyPost) {}
}
