package io.liaison.contact;

import io.liaison.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A merge was undone: the contacts of {@code restoredIds} are back from the trash as they were, and
 * the survivor's fields that {@code changed} went back to their values before the merge.
 */
public record ContactMergeUndone(
        UUID orgId,
        UUID actorId,
        UUID mergeId,
        UUID survivorId,
        List<UUID> restoredIds,
        Map<UUID, String> names,
        List<String> changed)
        implements AuditableEvent {

    @Override
    public String action() {
        return "contact.merge-undone";
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
        before.put("survivor", names.get(survivorId));
        return before;
    }

    @Override
    public Map<String, @Nullable Object> after() {
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("contacts", restoredIds.stream().map(id -> names.get(id)).toList());
        after.put("mergeId", mergeId.toString());
        return after;
    }
}
