package io.liaison.task;

import io.liaison.shared.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member made a task (or completing one opened its next occurrence: then {@code actorId} is who completed it). */
public record TaskCreated(
        UUID orgId,
        UUID actorId,
        UUID taskId,
        String title,
        @Nullable Instant dueAt,
        List<UUID> assigneeIds,
        List<UUID> contactIds)
        implements AuditableEvent {

    @Override
    public String action() {
        return "task.created";
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
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("name", title);
        after.put("dueAt", dueAt == null ? null : dueAt.toString());
        after.put("assigneeIds", assigneeIds);
        after.put("contactIds", contactIds);
        return after;
    }
}
