package io.liaison.task.core;

import io.liaison.shared.web.Patch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change to a task as JSON Merge Patch reads it: an absent field stays, {@code null} clears what may
 * be cleared (description, due time, repetition, reminders). {@code status} done completes the task,
 * cancelled cancels it, open reopens it.
 */
public record TaskPatch(
        Patch<String> title,
        Patch<@Nullable String> description,
        Patch<String> priority,
        Patch<@Nullable String> status,
        Patch<@Nullable Instant> dueAt,
        Patch<@Nullable String> timeZone,
        Patch<@Nullable String> recurrence,
        Patch<@Nullable List<Duration>> reminders,
        Patch<@Nullable List<UUID>> assigneeIds,
        Patch<@Nullable List<UUID>> contactIds,
        Patch<@Nullable List<UUID>> conversationIds,
        Patch<@Nullable List<Task.CheckItem>> checklist) {

    /** A patch that changes nothing; the {@code with} methods each set one field of it. */
    public static TaskPatch none() {
        return new TaskPatch(
                Patch.absent(),
                Patch.absent(),
                Patch.absent(),
                Patch.absent(),
                Patch.absent(),
                Patch.absent(),
                Patch.absent(),
                Patch.absent(),
                Patch.absent(),
                Patch.absent(),
                Patch.absent(),
                Patch.absent());
    }

    public TaskPatch withStatus(String status) {
        return new TaskPatch(
                title,
                description,
                priority,
                Patch.of(status),
                dueAt,
                timeZone,
                recurrence,
                reminders,
                assigneeIds,
                contactIds,
                conversationIds,
                checklist);
    }

    public TaskPatch withChecklist(List<Task.CheckItem> items) {
        return new TaskPatch(
                title,
                description,
                priority,
                status,
                dueAt,
                timeZone,
                recurrence,
                reminders,
                assigneeIds,
                contactIds,
                conversationIds,
                Patch.of(items));
    }
}
