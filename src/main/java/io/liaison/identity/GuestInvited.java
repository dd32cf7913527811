package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member ({@code actorId}) or a guest ({@code invitedByGuest}, the actor then null) invited a
 * contact into a conversation ({@code scopeId}); the token is never part of it. {@code email} is where
 * the link is to be sent, or null when the inviter copies it by hand.
 */
public record GuestInvited(
        UUID orgId,
        @Nullable UUID actorId,
        UUID invitationId,
        UUID contactId,
        UUID scopeId,
        @Nullable String email,
        OffsetDateTime expiresAt,
        @Nullable UUID invitedByGuest)
        implements AuditableEvent {

    @Override
    public String action() {
        return "guest.invited";
    }

    @Override
    public String targetType() {
        return "guest-invitation";
    }

    @Override
    public UUID targetId() {
        return invitationId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("contactId", contactId);
        after.put("scopeId", scopeId);
        after.put("email", email);
        after.put("expiresAt", expiresAt.toString());
        if (invitedByGuest != null) {
            after.put("invitedByGuest", invitedByGuest);
        }
        return after;
    }
}
