package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An administrator deleted an empty department; {@code before} holds what it was. */
public record DepartmentDeleted(
        UUID orgId, @Nullable UUID actorId, UUID departmentId, Map<String, @Nullable Object> values)
        implements AuditableEvent {

    @Override
    public String action() {
        return "department.deleted";
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
        return values;
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of();
    }
}
