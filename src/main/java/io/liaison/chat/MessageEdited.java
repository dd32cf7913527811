package io.liaison.chat;

import java.util.UUID;

/** The author changed the text of message {@code seq}; published in the transaction of the change. */
public record MessageEdited(UUID orgId, UUID conversationId, UUID messageId, long seq, UUID authorId) {}
