package io.liaison.chat;

import java.util.UUID;

/**
 * The author recalled message {@code seq}: its text and files are gone for everyone, who see that it
 * was recalled. Published in the transaction of the recall.
 */
public record MessageRecalled(UUID orgId, UUID conversationId, UUID messageId, long seq, UUID authorId) {}
