package io.liaison.task.core;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task as its readers see it: what is to be done, by whom (its assignees), for which contacts and
 * customer groups, by when (in its own time zone, and how it repeats), how urgent, and where it
 * stands (open, done, cancelled), with its checklist.
 */
public record Task(
        UUID id,
        String title,
        @Nullable String description,
        String priority,
        String status,
        @Nullable Instant dueAt,
        String timeZone,
        @Nullable String recurrence,
        @Nullable UUID seriesId,
        UUID createdBy,
        String createdByName,
        @Nullable UUID completedBy,
        @Nullable Instant completedAt,
        List<UUID> assigneeIds,
        List<UUID> contactIds,
        List<UUID> conversationIds,
        List<CheckItem> checklist,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    public static final List<String> STATUSES = List.of("open", "done", "cancelled");

    /** One line of a task's checklist, ticked or not. */
    public record CheckItem(@Schema(example = "准备报价单") String text, boolean done) {}
}
