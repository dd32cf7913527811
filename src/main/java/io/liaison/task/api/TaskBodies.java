package io.liaison.task.api;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskComments;
import io.liaison.task.core.TaskPatch;
import io.liaison.task.core.TaskService;
import io.liaison.task.recurrence.Recurrence;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The task API's request bodies, and how they become the service's requests. */
final class TaskBodies {

    private TaskBodies() {}

    @KnownFieldsOnly
    @Schema(
            example = "{\"title\":\"给张三回电话\",\"priority\":\"high\",\"dueAt\":\"2026-12-07T02:00:00Z\","
                    + "\"recurrence\":\"FREQ=WEEKLY;BYDAY=MO\",\"reminders\":[\"PT15M\",\"P1D\"],"
                    + "\"checklist\":[{\"text\":\"准备报价单\"}]}")
    record TaskRequest(
            @Schema(maxLength = TaskService.MAX_TITLE, example = "给张三回电话") @Nullable
            String title,

            @Schema(maxLength = TaskService.MAX_DESCRIPTION, example = "确认报价") @Nullable
            String description,

            @Schema(allowableValues = {"low", "normal", "high", "urgent"}) @Nullable
            String priority,

            @Nullable Instant dueAt,

            @Schema(
                    description = "The zone the due time and repetition are read in; the maker's when left out",
                    maxLength = 64,
                    example = "Asia/Shanghai")
            @Nullable
            String timeZone,

            @Schema(
                    description = "RRULE: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY (weekly), BYMONTHDAY"
                            + " (monthly, -1 the last), COUNT or UNTIL",
                    maxLength = Recurrence.MAX_LENGTH,
                    example = "FREQ=WEEKLY;BYDAY=MO")
            @Nullable
            String recurrence,

            @ArraySchema(
                    maxItems = TaskService.MAX_REMINDERS,
                    schema =
                            @Schema(
                                    description = "ISO 8601 duration before the due time, up to 30 days",
                                    maxLength = 20,
                                    example = "PT15M"))
            @Nullable
            List<String> reminders,

            @ArraySchema(maxItems = TaskService.MAX_ASSIGNEES) @Nullable
            List<UUID> assigneeIds,

            @ArraySchema(maxItems = TaskService.MAX_CONTACTS) @Nullable
            List<UUID> contactIds,

            @ArraySchema(maxItems = TaskService.MAX_CONVERSATIONS) @Nullable
            List<UUID> conversationIds,

            @ArraySchema(maxItems = TaskService.MAX_CHECKLIST) @Nullable
            List<CheckItemBody> checklist) {}

    @KnownFieldsOnly
    @Schema(example = "{\"dueAt\":\"2026-12-08T02:00:00Z\",\"status\":\"cancelled\"}")
    record TaskPatchBody(
            @Schema(maxLength = TaskService.MAX_TITLE, example = "给张三回电话")
            Patch<String> title,

            @Schema(maxLength = TaskService.MAX_DESCRIPTION, example = "确认报价")
            Patch<@Nullable String> description,

            @Schema(allowableValues = {"low", "normal", "high", "urgent"})
            Patch<String> priority,

            @Schema(allowableValues = {"open", "done", "cancelled"})
            Patch<String> status,

            Patch<@Nullable Instant> dueAt,

            @Schema(maxLength = 64, example = "Asia/Shanghai")
            Patch<@Nullable String> timeZone,

            @Schema(maxLength = Recurrence.MAX_LENGTH, example = "FREQ=DAILY;INTERVAL=2")
            Patch<@Nullable String> recurrence,

            @ArraySchema(maxItems = TaskService.MAX_REMINDERS, schema = @Schema(maxLength = 20, example = "PT15M"))
            Patch<@Nullable List<String>> reminders,

            @ArraySchema(maxItems = TaskService.MAX_ASSIGNEES)
            Patch<@Nullable List<UUID>> assigneeIds,

            @ArraySchema(maxItems = TaskService.MAX_CONTACTS)
            Patch<@Nullable List<UUID>> contactIds,

            @ArraySchema(maxItems = TaskService.MAX_CONVERSATIONS)
            Patch<@Nullable List<UUID>> conversationIds,

            @ArraySchema(maxItems = TaskService.MAX_CHECKLIST)
            Patch<@Nullable List<CheckItemBody>> checklist) {}

    record CheckItemBody(
            @Schema(maxLength = TaskService.MAX_CHECK_ITEM, example = "准备报价单") @Nullable
            String text,

            @Nullable Boolean done) {}

    @KnownFieldsOnly
    record CommentRequest(
            @Schema(maxLength = TaskComments.MAX_BODY, example = "客户要求周五前报价") @Nullable
            String body) {}

    static TaskService.NewTask newTask(TaskRequest request) {
        return new TaskService.NewTask(
                request.title() == null ? "" : request.title(),
                request.description(),
                request.priority(),
                request.dueAt(),
                request.timeZone(),
                request.recurrence(),
                durations(Objects.requireNonNullElse(request.reminders(), List.of())),
                Objects.requireNonNullElse(request.assigneeIds(), List.of()),
                Objects.requireNonNullElse(request.contactIds(), List.of()),
                Objects.requireNonNullElse(request.conversationIds(), List.of()),
                checklist(Objects.requireNonNullElse(request.checklist(), List.of())));
    }

    static TaskPatch patch(TaskPatchBody body) {
        return new TaskPatch(
                orAbsent(body.title()),
                orAbsent(body.description()),
                orAbsent(body.priority()),
                orAbsent(body.status()),
                orAbsent(body.dueAt()),
                orAbsent(body.timeZone()),
                orAbsent(body.recurrence()),
                map(body.reminders(), TaskBodies::durations),
                orAbsent(body.assigneeIds()),
                orAbsent(body.contactIds()),
                orAbsent(body.conversationIds()),
                map(body.checklist(), TaskBodies::checklist));
    }

    /** ISO 8601 durations such as PT15M or P1D; one that is not names its place in the list. */
    static List<Duration> durations(List<String> texts) {
        if (texts.size() > TaskService.MAX_REMINDERS) {
            throw LiaisonException.tooMany("reminders", TaskService.MAX_REMINDERS);
        }
        List<Duration> durations = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                durations.add(Duration.parse(Objects.requireNonNullElse(texts.get(i), "")));
            } catch (DateTimeParseException e) {
                throw LiaisonException.invalid("reminders[" + i + "]", "invalid.task-reminder", 30);
            }
        }
        return durations;
    }

    private static List<Task.CheckItem> checklist(List<CheckItemBody> items) {
        return items.stream()
                .map(item ->
                        new Task.CheckItem(item.text() == null ? "" : item.text(), Boolean.TRUE.equals(item.done())))
                .toList();
    }

    /** A component Jackson left {@code null} was absent from the body. */
    private static <T> Patch<T> orAbsent(@Nullable Patch<T> patch) {
        return patch == null ? Patch.absent() : patch;
    }

    private static <T, R> Patch<@Nullable R> map(
            @Nullable Patch<@Nullable T> patch, java.util.function.Function<T, R> f) {
        if (patch == null || !patch.present()) {
            return Patch.absent();
        }
        T value = patch.value();
        return value == null ? Patch.clear() : Patch.of(f.apply(value));
    }
}
