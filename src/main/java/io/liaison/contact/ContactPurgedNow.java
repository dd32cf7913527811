package io.liaison.contact;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An administrator purged a contact from the trash before its retention ended ("purge now", or
 * emptying the trash). {@link ContactPurged} follows, as after the retention: this one records who.
 */
public record ContactPurgedNow(UUID orgId, UUID actorId, UUID contactId) implements AuditableEvent {

    @Override
    public String action() {
        return "contact.purged-now";
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
        return Map.of();
    }
}
