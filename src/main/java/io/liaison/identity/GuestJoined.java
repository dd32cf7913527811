package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A guest accepted an invitation into a conversation ({@code scopeId}): a new guest account, or one
 * the contact already had. No member acted.
 */
public record GuestJoined(UUID orgId, UUID guestId, UUID contactId, UUID scopeId, UUID invitationId)
        implements AuditableEvent {

    @Override
    public @Nullable UUID actorId() {
        return null;
    }

    @Override
    public String action() {
        return "guest.joined";
    }

    @Override
    public String targetType() {
        return "guest";
    }

    @Override
    public UUID targetId() {
        return guestId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of("contactId", contactId, "scopeId", scopeId, "invitationId", invitationId);
    }
}
