package io.liaison.contact;

import io.liaison.shared.AuditableEvent;
import io.liaison.shared.PersonalDataErased;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contact left the trash for good after the retention period; nothing of it remains, not even the
 * values that earlier audit entries held.
 */
public record ContactPurged(UUID orgId, UUID contactId) implements AuditableEvent, PersonalDataErased {

    @Override
    public @Nullable UUID actorId() {
        return null;
    }

    @Override
    public String action() {
        return "contact.purged";
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
