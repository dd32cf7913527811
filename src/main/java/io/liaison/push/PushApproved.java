package io.liaison.push;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member with {@code push.approve} approved a push held for approval; it goes at its time. */
public record PushApproved(UUID orgId, UUID actorId, UUID pushId) implements AuditableEvent {

    @Override
    public String action() {
        return "push.approved";
    }

    @Override
    public String targetType() {
        return "push";
    }

    @Override
    public UUID targetId() {
        return pushId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of("state", "awaiting_approval");
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of("state", "scheduled");
    }
}
