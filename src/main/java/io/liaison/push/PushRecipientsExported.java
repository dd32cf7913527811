package io.liaison.push;

import io.liaison.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member exported a push's recipients ({@code rows} of them, of {@code state} when one was chosen)
 * as CSV. Audited: the recipients' names and addresses left the server in one file.
 */
public record PushRecipientsExported(
        UUID orgId, UUID actorId, UUID pushId, @Nullable String state, int rows) implements AuditableEvent {

    @Override
    public String action() {
        return "push.recipients-exported";
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
        after.put("state", state);
        after.put("rows", rows);
        return after;
    }
}
