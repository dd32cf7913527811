package io.liaison.push;

import io.liaison.shared.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member created a push: to be sent at {@code scheduledAt}, or held for approval ({@code state}
 * {@code awaiting_approval}); {@code audienceSize} is the count of its recipients when it was made.
 */
public record PushScheduled(
        UUID orgId, UUID actorId, UUID pushId, String name, String state, Instant scheduledAt, int audienceSize)
        implements AuditableEvent {

    @Override
    public String action() {
        return "push.scheduled";
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
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("name", name);
        after.put("state", state);
        after.put("scheduledAt", scheduledAt.toString());
        after.put("audienceSize", audienceSize);
        return after;
    }
}
