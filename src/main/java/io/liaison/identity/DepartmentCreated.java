package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An administrator created a department; {@code after} holds its name, parent and order. */
public record DepartmentCreated(
        UUID orgId, @Nullable UUID actorId, UUID departmentId, Map<String, @Nullable Object> values)
        implements AuditableEvent {

    @Override
    public String action() {
        return "department.created";
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
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return values;
    }
}
