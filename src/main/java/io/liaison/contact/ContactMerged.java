package io.liaison.contact;

import io.liaison.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Contacts were merged into {@code survivorId} (merge {@code mergeId}); {@code names} are the names
 * of all of them as they were, by id, the survivor's first. The merged contacts are hidden in the
 * trash until the merge is undone.
 */
public record ContactMerged(
        UUID orgId, UUID actorId, UUID mergeId, UUID survivorId, List<UUID> mergedIds, Map<UUID, String> names)
        implements AuditableEvent {

    @Override
    public String action() {
        return "contact.merged";
    }

    @Override
    public String targetType() {
        return "contact";
    }

    @Override
    public UUID targetId() {
        return survivorId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        before.put("contacts", mergedIds.stream().map(id -> names.get(id)).toList());
        return before;
    }

    @Override
    public Map<String, @Nullable Object> after() {
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("survivor", names.get(survivorId));
        after.put("mergeId", mergeId.toString());
        return after;
    }
}
