package io.liaison.chat;

import java.util.List;
import java.util.UUID;

/**
 * A message was posted as number {@code seq} of its conversation, published in its transaction.
 * {@code mentionIds} are the participants it @mentions by id; {@code mentionsAll} an @all.
 */
public record MessagePosted(
        UUID orgId,
        UUID conversationId,
        UUID messageId,
        long seq,
        UUID authorId,
        String authorKind,
        List<UUID> mentionIds,
        boolean mentionsAll) {

    public MessagePosted {
        mentionIds = List.copyOf(mentionIds);
    }
}
