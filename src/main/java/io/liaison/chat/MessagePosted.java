package io.liaison.chat;

import io.liaison.shared.FeedEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message was posted as number {@code seq} of its conversation, published in its transaction.
 * {@code mentionIds} are the participants it @mentions by id; {@code mentionsAll} an @all. The change
 * feed records it as {@code message.created}, without its text.
 */
public record MessagePosted(
        UUID orgId,
        UUID conversationId,
        UUID messageId,
        long seq,
        UUID authorId,
        String authorKind,
        List<UUID> mentionIds,
        boolean mentionsAll)
        implements FeedEvent {

    public MessagePosted {
        mentionIds = List.copyOf(mentionIds);
    }

    @Override
    public @Nullable UUID actorId() {
        return ChatUser.MEMBER.equals(authorKind) ? authorId : null;
    }

    @Override
    public String action() {
        return "message.created";
    }

    @Override
    public String targetType() {
        return "message";
    }

    @Override
    public UUID targetId() {
        return messageId;
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("conversationId", conversationId.toString(), "seq", seq, "authorKind", authorKind);
    }
}
