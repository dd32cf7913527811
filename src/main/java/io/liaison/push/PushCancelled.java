package io.liaison.push;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A push was cancelled from {@code fromState} by a member ({@code actorId}), or by Liaison with
 * {@code reason} (its sender can no longer send, say); what was already sent stays recorded, the
 * recipients still queued are skipped as cancelled.
 */
public record PushCancelled(
        UUID orgId,
        @Nullable UUID actorId,
        UUID pushId,
        String fromState,
        int skipped,
        @Nullable String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "push.cancelled";
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
        return Map.of("state", fromState);
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return reason == null
                ? Map.of("state", "cancelled", "skipped", skipped)
                : Map.of("state", "cancelled", "skipped", skipped, "reason", reason);
    }
}
