package io.liaison.task;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member deleted a task, its checklist and comments with it. */
public record TaskDeleted(UUID orgId, UUID actorId, UUID taskId, String title) implements AuditableEvent {

    @Override
    public String action() {
        return "task.deleted";
    }

    @Override
    public String targetType() {
        return "task";
    }

    @Override
    public UUID targetId() {
        return taskId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of("name", title);
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of();
    }
}
