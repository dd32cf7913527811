package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A department was renamed, moved or reordered; only the changed fields. */
public record DepartmentUpdated(
        UUID orgId,
        @Nullable UUID actorId,
        UUID departmentId,
        Map<String, @Nullable Object> changedBefore,
        Map<String, @Nullable Object> changedAfter)
        implements AuditableEvent {

    @Override
    public String action() {
        return "department.updated";
    }

    @Override
    public String targetType() {
        return "department";
    }

    @Override
    public UUID targetId() {
        return departmentId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return changedBefore;
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return changedAfter;
    }
}
