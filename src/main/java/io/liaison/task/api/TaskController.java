package io.liaison.task.api;

import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.web.ETags;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskComment;
import io.liaison.task.core.TaskComments;
import io.liaison.task.core.TaskService;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasks: anyone makes them, for themselves or for other members, linked to contacts they see and
 * groups they are in; each reader sees the tasks they made, those assigned to them, those of contacts
 * they see, and with {@code task.manage} those of the members in their data scope. Its maker, its
 * assignees and managers change it; whoever sees it comments.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

    private final TaskService tasks;
    private final TaskComments comments;

    TaskController(TaskService tasks, TaskComments comments) {
        this.tasks = tasks;
        this.comments = comments;
    }

    @GetMapping
    CursorPage<Task> list(
            Actor actor,
            @RequestParam(required = false) @Nullable UUID assigneeId,
            @Parameter(description = "Made by this member") @RequestParam(required = false) @Nullable UUID createdBy,
            @Parameter(schema = @Schema(allowableValues = {"open", "done", "cancelled"}))
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @Parameter(description = "Due at or after this time") @RequestParam(required = false) @Nullable
                    Instant dueFrom,
            @Parameter(description = "Due before this time") @RequestParam(required = false) @Nullable
                    Instant dueBefore,
            @RequestParam(required = false) @Nullable UUID contactId,
            @RequestParam(required = false) @Nullable UUID conversationId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        var query =
                new TaskService.TaskQuery(assigneeId, createdBy, status, dueFrom, dueBefore, contactId, conversationId);
        return tasks.list(actor, query, cursor, CursorPage.limit(limit));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Task> create(Actor actor, @RequestBody TaskBodies.TaskRequest request) {
        Task task = tasks.create(actor, TaskBodies.newTask(request));
        return ETags.created("/api/v1/tasks/" + task.id(), task, task.version());
    }

    @GetMapping("/{id}")
    ResponseEntity<Task> get(Actor actor, @PathVariable UUID id) {
        Task task = tasks.get(actor, id);
        return ETags.ok(task, task.version());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<Task> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody TaskBodies.TaskPatchBody body) {
        Task task = tasks.update(actor, id, TaskBodies.patch(body), ETags.expected(ifMatch));
        return ETags.ok(task, task.version());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        tasks.delete(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<Task> complete(Actor actor, @PathVariable UUID id) {
        Task task = tasks.complete(actor, id);
        return ETags.ok(task, task.version());
    }

    @GetMapping("/{id}/comments")
    CursorPage<TaskComment> comments(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return comments.list(actor, id, cursor, CursorPage.limit(limit));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/comments")
    TaskComment comment(Actor actor, @PathVariable UUID id, @RequestBody TaskBodies.CommentRequest body) {
        return comments.add(actor, id, body.body());
    }
}
