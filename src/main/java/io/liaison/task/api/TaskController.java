package io.liaison.task.api;

import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskService;
import io.liaison.task.recurrence.Recurrence;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasks: anyone makes them, for themselves or for other members, linked to contacts they see; each
 * reader sees the tasks they made, those assigned to them, those of contacts they see, and with
 * {@code task.manage} those of the members in their data scope.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @KnownFieldsOnly
    @Schema(
            example = "{\"title\":\"给张三回电话\",\"priority\":\"high\",\"dueAt\":\"2026-12-07T02:00:00Z\","
                    + "\"recurrence\":\"FREQ=WEEKLY;BYDAY=MO\",\"checklist\":[{\"text\":\"准备报价单\"}]}")
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

            @ArraySchema(maxItems = TaskService.MAX_ASSIGNEES) @Nullable
            List<UUID> assigneeIds,

            @ArraySchema(maxItems = TaskService.MAX_CONTACTS) @Nullable
            List<UUID> contactIds,

            @ArraySchema(maxItems = TaskService.MAX_CHECKLIST) @Nullable
            List<CheckItemBody> checklist) {}

    record CheckItemBody(
            @Schema(maxLength = TaskService.MAX_CHECK_ITEM, example = "准备报价单") @Nullable
            String text,

            @Nullable Boolean done) {}

    @GetMapping
    CursorPage<Task> list(
            Actor actor,
            @RequestParam(required = false) @Nullable UUID assigneeId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return tasks.list(actor, assigneeId, cursor, CursorPage.limit(limit));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    Task create(Actor actor, @RequestBody TaskRequest request) {
        List<CheckItemBody> checklist = Objects.requireNonNullElse(request.checklist(), List.of());
        return tasks.create(
                actor,
                new TaskService.NewTask(
                        request.title() == null ? "" : request.title(),
                        request.description(),
                        request.priority(),
                        request.dueAt(),
                        request.timeZone(),
                        request.recurrence(),
                        Objects.requireNonNullElse(request.assigneeIds(), List.of()),
                        Objects.requireNonNullElse(request.contactIds(), List.of()),
                        checklist.stream()
                                .map(item -> new Task.CheckItem(
                                        item.text() == null ? "" : item.text(), Boolean.TRUE.equals(item.done())))
                                .toList()));
    }

    @GetMapping("/{id}")
    Task get(Actor actor, @PathVariable UUID id) {
        return tasks.get(actor, id);
    }

    @PostMapping("/{id}/complete")
    Task complete(Actor actor, @PathVariable UUID id) {
        return tasks.complete(actor, id);
    }
}
