package io.liaison.contact;

import io.liaison.shared.AuditableEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A batch of an import job was stored, published in its transaction: how many contacts it created and
 * changed, and the ids of those it created in the order of their rows (they are written together,
 * without a {@link ContactCreated} each; a changed one has its {@link ContactUpdated}).
 */
public record ContactsImported(
        UUID orgId, @Nullable UUID actorId, UUID jobId, int created, int updated, List<UUID> createdIds)
        implements AuditableEvent {

    public ContactsImported {
        createdIds = List.copyOf(createdIds);
    }

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
