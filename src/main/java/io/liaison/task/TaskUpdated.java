package io.liaison.task;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member changed a task: the fields that changed, before and after (its status among them when it was cancelled or reopened). */
public record TaskUpdated(
        UUID orgId,
        UUID actorId,
        UUID taskId,
        Map<String, @Nullable Object> before,
        Map<String, @Nullable Object> after)
        implements AuditableEvent {

    @Override
    public String action() {
        return "task.updated";
    }

    @Override
    public String targetType() {
        return "task";
    }

    @Override
    public UUID targetId() {
        return taskId;
    }
}
