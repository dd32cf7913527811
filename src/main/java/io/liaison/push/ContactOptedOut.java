package io.liaison.push;

import io.liaison.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The contact no longer wants pushes: they followed the unsubscribe link of a push e-mail ({@code via}
 * {@code link}, no actor), or a member who may edit the contact recorded it ({@code member}). Pushes
 * skip the contact until it opts in again. Audited.
 */
public record ContactOptedOut(UUID orgId, @Nullable UUID actorId, UUID contactId, String via)
        implements AuditableEvent {

    @Override
    public String action() {
        return "contact.push-opted-out";
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
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("push", "opted_out");
        after.put("via", via);
        return after;
    }
}
