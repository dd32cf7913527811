package io.liaison.push;

import io.liaison.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The contact accepts pushes again: through the same link ({@code via} {@code link}, no actor), or as
 * recorded by a member who may edit it ({@code member}). Audited.
 */
public record ContactOptedIn(UUID orgId, @Nullable UUID actorId, UUID contactId, String via) implements AuditableEvent {

    @Override
    public String action() {
        return "contact.push-opted-in";
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
        after.put("push", "opted_in");
        after.put("via", via);
        return after;
    }
}
