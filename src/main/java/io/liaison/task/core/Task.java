package io.liaison.task.core;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task as its readers see it: what is to be done, by whom (its assignees), for which contacts and
 * customer groups, by when (in its own time zone, and how it repeats), how urgent, how long before
 * its due time its assignees are reminded, and where it stands (open, done, cancelled), with its
 * checklist. The names come in the order of the ids; a contact or group the reader may not see has
 * no name ({@code null}).
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

        @ArraySchema(schema = @Schema(type = "string", example = "PT15M"))
        List<Duration> reminders,

        @Nullable UUID seriesId,
        UUID createdBy,
        String createdByName,
        @Nullable UUID completedBy,
        @Nullable Instant completedAt,
        List<UUID> assigneeIds,
        @ArraySchema(schema = @Schema(example = "李娜")) List<String> assigneeNames,
        List<UUID> contactIds,

        @ArraySchema(schema = @Schema(example = "张伟", nullable = true))
        List<@Nullable String> contactNames,

        List<UUID> conversationIds,

        @ArraySchema(schema = @Schema(example = "华东客户群", nullable = true))
        List<@Nullable String> conversationNames,

        List<CheckItem> checklist,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    public static final List<String> STATUSES = List.of("open", "done", "cancelled");

    /** One line of a task's checklist, ticked or not. */
    public record CheckItem(@Schema(example = "准备报价单") String text, boolean done) {}

    /** The same task with the names its reader may see. */
    Task named(List<@Nullable String> contacts, List<@Nullable String> conversations) {
        return new Task(
                id,
                title,
                description,
                priority,
                status,
                dueAt,
                timeZone,
                recurrence,
                reminders,
                seriesId,
                createdBy,
                createdByName,
                completedBy,
                completedAt,
                assigneeIds,
                assigneeNames,
                contactIds,
                contacts,
                conversationIds,
                conversations,
                checklist,
                createdAt,
                updatedAt,
                version);
    }
}
