package io.liaison.task;

import io.liaison.shared.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member marked a task done at {@code completedAt}; on time when it had no due time or was done by it. */
public record TaskCompleted(
        UUID orgId,
        UUID actorId,
        UUID taskId,
        String title,
        @Nullable Instant dueAt,
        Instant completedAt,
        List<UUID> assigneeIds,
        List<UUID> contactIds)
        implements AuditableEvent {

    public boolean onTime() {
        return dueAt == null || !completedAt.isAfter(dueAt);
    }

    @Override
    public String action() {
        return "task.completed";
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
        return Map.of("status", "open");
    }

    @Override
    public Map<String, @Nullable Object> after() {
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("name", title);
        after.put("status", "done");
        after.put("onTime", onTime());
        return after;
    }
}
