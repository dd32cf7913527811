package io.liaison.chat.conversation;

import java.time.Instant;
import java.util.UUID;

/** One current participant of a conversation: a member, their role, muted or not, and what they have read. */
public record Participant(
        UUID memberId, String displayName, String role, boolean muted, long readSeq, Instant joinedAt) {}
