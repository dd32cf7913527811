package io.liaison.chat.conversation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One current participant of a conversation: a member, their role, muted or not, and what they have read. */
public record Participant(
        UUID memberId,
        @Schema(example = "张伟") String displayName,

        @Schema(allowableValues = {"owner", "admin", "member"})
        String role,

        boolean muted,
        long readSeq,
        Instant joinedAt) {}
