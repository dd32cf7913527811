package io.liaison.chat.conversation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One current participant of a conversation: a member ({@code memberId}) or a guest, an external
 * contact ({@code guestId}), with the name they show, their role, muted or not, and what they have
 * read. A guest's role is always {@code member}.
 */
public record Participant(
        @Schema(description = "A member's id; null for a guest") @Nullable
        UUID memberId,

        @Schema(description = "A guest's id; null for a member") @Nullable
        UUID guestId,

        @Schema(allowableValues = {"member", "guest"}) String kind,
        @Schema(example = "张伟") String displayName,

        @Schema(allowableValues = {"owner", "admin", "member"})
        String role,

        boolean muted,
        long readSeq,
        Instant joinedAt) {}
