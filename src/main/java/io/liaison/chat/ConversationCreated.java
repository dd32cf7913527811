package io.liaison.chat;

import io.liaison.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member created a conversation of {@code kind} with these members in it (its creator, the owner,
 * first). Audited: it gives them access to what is said there.
 */
public record ConversationCreated(
        UUID orgId,
        UUID actorId,
        UUID conversationId,
        String kind,
        @Nullable String name,
        List<UUID> memberIds) implements AuditableEvent {

    public ConversationCreated {
        memberIds = List.copyOf(memberIds);
    }

    @Override
    public String action() {
        return "conversation.created";
    }

    @Override
    public String targetType() {
        return "conversation";
    }

    @Override
    public UUID targetId() {
        return conversationId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("kind", kind);
        after.put("name", name);
        after.put("memberIds", memberIds.stream().map(UUID::toString).toList());
        return after;
    }
}
