package io.liaison.chat;

import io.liaison.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who may read a conversation changed: members added, removed (or left), or one's role changed
 * ({@code roles}: member id to new role, the owner's transfer included); guests added (they accepted
 * an invitation) or removed (by an admin, by leaving, or because their contact was trashed). {@code
 * actorId} is the member who acted, null when a guest acted or nobody did (a guest joining, a trashed
 * contact). Audited as a change of access.
 */
public record ParticipantsChanged(
        UUID orgId,
        @Nullable UUID actorId,
        UUID conversationId,
        List<UUID> added,
        List<UUID> removed,
        Map<UUID, String> roles,
        List<UUID> addedGuests,
        List<UUID> removedGuests)
        implements AuditableEvent {

    public ParticipantsChanged {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        roles = Map.copyOf(roles);
        addedGuests = List.copyOf(addedGuests);
        removedGuests = List.copyOf(removedGuests);
    }

    /** Members only: added, removed, roles changed. */
    public ParticipantsChanged(
            UUID orgId,
            @Nullable UUID actorId,
            UUID conversationId,
            List<UUID> added,
            List<UUID> removed,
            Map<UUID, String> roles) {
        this(orgId, actorId, conversationId, added, removed, roles, List.of(), List.of());
    }

    /** Guests only: added and removed. */
    public static ParticipantsChanged guests(
            UUID orgId, @Nullable UUID actorId, UUID conversationId, List<UUID> added, List<UUID> removed) {
        return new ParticipantsChanged(orgId, actorId, conversationId, List.of(), List.of(), Map.of(), added, removed);
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
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        if (!removed.isEmpty()) {
            before.put("memberIds", ids(removed));
        }
        if (!removedGuests.isEmpty()) {
            before.put("guestIds", ids(removedGuests));
        }
        return before;
    }

    @Override
    public Map<String, @Nullable Object> after() {
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        if (!added.isEmpty()) {
            after.put("memberIds", ids(added));
        }
        if (!addedGuests.isEmpty()) {
            after.put("guestIds", ids(addedGuests));
        }
        roles.forEach((id, role) -> after.put("role." + id, role));
        return after;
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}
