package io.liaison.contact;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A batch of an import job committed: how many contacts it created and changed. */
public record ContactsImported(UUID orgId, @Nullable UUID actorId, UUID jobId, int created, int updated)
        implements AuditableEvent {

    @Override
    public String action() {
        return "contact.imported";
    }

    @Override
    public String targetType() {
        return "import";
    }

    @Override
    public UUID targetId() {
        return jobId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of("created", created, "updated", updated);
    }
}
