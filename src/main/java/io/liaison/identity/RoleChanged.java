package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A custom role was created, changed or deleted ({@code action} says which); only changed fields. */
public record RoleChanged(
        UUID orgId,
        @Nullable UUID actorId,
        String action,
        UUID roleId,
        Map<String, @Nullable Object> before,
        Map<String, @Nullable Object> after)
        implements AuditableEvent {

    @Override
    public String targetType() {
        return "role";
    }

    @Override
    public UUID targetId() {
        return roleId;
    }
}
