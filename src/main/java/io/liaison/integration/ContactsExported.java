package io.liaison.integration;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member exported contacts: with which filter or ids, in which format, how many, and how many unmasked. */
public record ContactsExported(
        UUID orgId,
        UUID actorId,
        UUID exportId,
        String format,
        Map<String, Object> filter,
        int contactIds,
        int rows,
        int unmasked)
        implements AuditableEvent {

    @Override
    public String action() {
        return "contact.exported";
    }

    @Override
    public String targetType() {
        return "export";
    }

    @Override
    public UUID targetId() {
        return exportId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of("format", format, "filter", filter, "contactIds", contactIds, "rows", rows, "unmasked", unmasked);
    }
}
