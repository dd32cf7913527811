package io.liaison.chat.conversation;

import java.util.UUID;

/**
 * A participant's read mark moved forward to {@code seq}; {@code participantId} is the member's or
 * guest's id. Published in the transaction that moved it, for the chat socket (within the module).
 */
public record ReadMoved(UUID orgId, UUID conversationId, UUID participantId, long seq) {}
