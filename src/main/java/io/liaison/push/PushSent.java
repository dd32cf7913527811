package io.liaison.push;

import io.liaison.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Every recipient of a push was handed to its channel (or skipped): the push is done sending, though
 * some deliveries may still be on their way. {@code counts} are the recipients by state at that moment.
 * Recorded as Liaison's doing (no actor), about the sender's push.
 */
public record PushSent(UUID orgId, UUID pushId, UUID senderId, Map<String, Integer> counts) implements AuditableEvent {

    @Override
    public @Nullable UUID actorId() {
        return null;
    }

    @Override
    public String action() {
        return "push.sent";
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
        return Map.of("state", "sending");
    }

    @Override
    public Map<String, @Nullable Object> after() {
        Map<String, @Nullable Object> after = new LinkedHashMap<>(counts);
        after.put("state", "done");
        return after;
    }
}
