package io.liaison.chat;

import io.liaison.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An owner or admin of a group exported its history ({@code messages} messages, as {@code format}).
 * Audited: the whole conversation left the server in one file.
 */
public record ConversationExported(UUID orgId, UUID actorId, UUID conversationId, String format, long messages)
        implements AuditableEvent {

    @Override
    public String action() {
        return "conversation.exported";
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
        after.put("format", format);
        after.put("messages", messages);
        return after;
    }
}
