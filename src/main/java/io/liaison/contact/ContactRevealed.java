package io.liaison.contact;

import io.liaison.shared.AuditableEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member asked for a contact's full details; {@code fields} are those that were shown, {@code
 * ownerId} the member who follows the contact (told when someone else looks).
 */
public record ContactRevealed(UUID orgId, @Nullable UUID actorId, UUID contactId, UUID ownerId, List<String> fields)
        implements AuditableEvent {

    @Override
    public String action() {
        return "contact.revealed";
    }

    @Override
    public String targetType() {
        return "contact";
    }

    @Override
    public UUID targetId() {
        return contactId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of("fields", fields);
    }
}
