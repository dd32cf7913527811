package io.liaison.chat;

import io.liaison.shared.AuditableEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who may read a conversation changed: members added, removed (or left), or one's role changed
 * ({@code roles}: member id to new role, the owner's transfer included). Audited as a change of access.
 */
public record ParticipantsChanged(
        UUID orgId, UUID actorId, UUID conversationId, List<UUID> added, List<UUID> removed, Map<UUID, String> roles)
        implements AuditableEvent {

    public ParticipantsChanged {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        roles = Map.copyOf(roles);
    }

    @Override
    public String action() {
        return "conversation.participants-changed";
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
        return removed.isEmpty() ? Map.of() : Map.of("memberIds", ids(removed));
    }

    @Override
    public Map<String, @Nullable Object> after() {
        Map<String, @Nullable Object> after = new java.util.LinkedHashMap<>();
        if (!added.isEmpty()) {
            after.put("memberIds", ids(added));
        }
        roles.forEach((id, role) -> after.put("role." + id, role));
        return after;
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}
