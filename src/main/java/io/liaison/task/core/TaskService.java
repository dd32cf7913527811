package io.liaison.task.core;

import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.task.TaskCompleted;
import io.liaison.task.TaskCreated;
import io.liaison.task.TaskDeleted;
import io.liaison.task.TaskPermissions;
import io.liaison.task.TaskUpdated;
import io.liaison.task.recurrence.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks for the members who make, do and oversee them: anyone makes a task for themselves or others
 * and links it to contacts they see and groups they are in; who sees a task is {@link
 * TaskVisibility}'s rule, in every query. Its maker, its assignees and those holding {@code
 * task.manage} who see it change it; others who see it (through a contact) read it.
 */
@Service
public class TaskService {

    public static final int MAX_TITLE = TaskChecks.MAX_TITLE;
    public static final int MAX_DESCRIPTION = TaskChecks.MAX_DESCRIPTION;
    public static final int MAX_ASSIGNEES = TaskChecks.MAX_ASSIGNEES;
    public static final int MAX_CONTACTS = TaskChecks.MAX_CONTACTS;
    public static final int MAX_CONVERSATIONS = TaskChecks.MAX_CONVERSATIONS;
    public static final int MAX_CHECKLIST = TaskChecks.MAX_CHECKLIST;
    public static final int MAX_CHECK_ITEM = TaskChecks.MAX_CHECK_ITEM;
    public static final int MAX_REMINDERS = TaskChecks.MAX_REMINDERS;

    private final TaskRepository tasks;
    private final TaskVisibility visibility;
    private final TaskChecks checks;
    private final TaskNames names;
    private final TaskReminders reminders;
    private final ApplicationEventPublisher events;

    TaskService(
            TaskRepository tasks,
            TaskVisibility visibility,
            TaskChecks checks,
            TaskNames names,
            TaskReminders reminders,
            ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.visibility = visibility;
        this.checks = checks;
        this.names = names;
        this.reminders = reminders;
        this.events = events;
    }

    /** What a new task says; {@code timeZone} null is the maker's, {@code assigneeIds} empty the maker alone. */
    public record NewTask(
            String title,
            @Nullable String description,
            @Nullable String priority,
            @Nullable Instant dueAt,
            @Nullable String timeZone,
            @Nullable String recurrence,
            List<Duration> reminders,
            List<UUID> assigneeIds,
            List<UUID> contactIds,
            List<UUID> conversationIds,
            List<Task.CheckItem> checklist) {}

    /** Which of the tasks the reader sees a list shows; every condition is optional. */
    public record TaskQuery(
            @Nullable UUID assigneeId,
            @Nullable UUID createdBy,
            @Nullable String status,
            @Nullable Instant dueFrom,
            @Nullable Instant dueBefore,
            @Nullable UUID contactId,
            @Nullable UUID conversationId) {

        public static TaskQuery all() {
            return new TaskQuery(null, null, null, null, null, null, null);
        }
    }

    @Transactional
    public Task create(Actor actor, NewTask request) {
        List<UUID> assignees = request.assigneeIds().isEmpty()
                ? List.of(actor.memberId())
                : request.assigneeIds().stream().distinct().toList();
        checks.assignees(actor, assignees);
        List<UUID> contactIds = request.contactIds().stream().distinct().toList();
        checks.contacts(actor, contactIds);
        List<UUID> conversationIds =
                request.conversationIds().stream().distinct().toList();
        checks.conversations(actor, conversationIds);
        boolean due = request.dueAt() != null;
        Instant now = Instant.now();
        UUID id = Ids.newId();
        String recurrence = TaskChecks.recurrence(request.recurrence(), due);
        Task task = new Task(
                id,
                TaskChecks.title(request.title()),
                TaskChecks.description(request.description()),
                TaskChecks.priority(request.priority()),
                "open",
                request.dueAt(),
                TaskChecks.zone(actor, request.timeZone()),
                recurrence,
                TaskChecks.reminders(request.reminders(), due),
                recurrence == null ? null : id,
                actor.memberId(),
                actor.displayName(),
                null,
                null,
                assignees,
                List.of(),
                contactIds,
                List.of(),
                conversationIds,
                List.of(),
                TaskChecks.checklist(request.checklist()),
                now,
                now,
                0);
        tasks.insert(actor.orgId(), task);
        reminders.plan(actor.orgId(), task);
        events.publishEvent(new TaskCreated(
                actor.orgId(),
                actor.memberId(),
                id,
                task.title(),
                task.dueAt(),
                task.assigneeIds(),
                task.contactIds()));
        return get(actor, id);
    }

    @Transactional(readOnly = true)
    public Task get(Actor actor, UUID id) {
        return names.of(actor, List.of(find(actor, id))).get(0);
    }

    /** The tasks the actor sees that {@code query} keeps, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<Task> list(Actor actor, TaskQuery query, @Nullable String cursor, int limit) {
        var where = TaskQueries.where(visibility.visible(actor, "t"), query);
        return CursorPage.of(names.of(actor, tasks.list(where, CursorPage.decode(cursor), limit + 1)), limit, Task::id);
    }

    /**
     * Applies a merge patch: fields first, then a status change (done completes as {@link #complete}
     * does, cancelled cancels, open reopens). {@code expectedVersion} (If-Match) must be the stored one.
     */
    @Transactional
    public Task update(Actor actor, UUID id, TaskPatch patch, @Nullable Long expectedVersion) {
        Task old = changeable(actor, id);
        LiaisonException.requireVersion(expectedVersion, old.version());
        Task changed = TaskMerge.apply(actor, old, patch, checks);
        TaskDiff diff = TaskDiff.of(old, changed);
        if (!diff.isEmpty()) {
            if (!tasks.update(actor.orgId(), changed, old.version())) {
                throw LiaisonException.stale(old.version(), find(actor, id).version());
            }
        }
        String status =
                patch.status().present() ? TaskChecks.status(patch.status().value()) : old.status();
        if (!status.equals(old.status())) {
            move(actor, changed, status);
            diff = diff.with("status", old.status(), status);
        } else {
            reminders.plan(actor.orgId(), changed);
        }
        if (!diff.isEmpty()) {
            events.publishEvent(new TaskUpdated(actor.orgId(), actor.memberId(), id, diff.before(), diff.after()));
        }
        return get(actor, id);
    }

    /**
     * Marks an open task done (a done one stays as it was); a repeating one opens its next occurrence,
     * with the same assignees, contacts and checklist (unticked), unless its series has ended.
     */
    @Transactional
    public Task complete(Actor actor, UUID id) {
        Task task = changeable(actor, id);
        if (task.status().equals("open")) {
            done(actor, task);
        }
        return get(actor, id);
    }

    /** Deletes a task for good, with its checklist, comments and pending reminders. */
    @Transactional
    public void delete(Actor actor, UUID id, @Nullable Long expectedVersion) {
        Task task = changeable(actor, id);
        LiaisonException.requireVersion(expectedVersion, task.version());
        reminders.cancel(actor.orgId(), id);
        tasks.delete(actor.orgId(), id);
        events.publishEvent(new TaskDeleted(actor.orgId(), actor.memberId(), id, task.title()));
    }

    /** The task when the actor may change it: they made it, do it, or hold {@code task.manage} and see it. */
    Task changeable(Actor actor, UUID id) {
        Task task = find(actor, id);
        if (!task.createdBy().equals(actor.memberId())
                && !task.assigneeIds().contains(actor.memberId())
                && !actor.can(TaskPermissions.MANAGE)) {
            throw LiaisonException.forbidden("forbidden.change-task");
        }
        return task;
    }

    Task find(Actor actor, UUID id) {
        return tasks.find(actor.orgId(), id, visibility.visible(actor, "t"))
                .orElseThrow(() -> LiaisonException.notFound("task", id));
    }

    private void move(Actor actor, Task task, String status) {
        switch (status) {
            case "done" -> done(actor, task);
            case "cancelled", "open" -> {
                tasks.move(actor.orgId(), task.id(), task.status(), status, actor.memberId());
                reminders.plan(actor.orgId(), find(actor, task.id()));
            }
            default -> throw new IllegalArgumentException(status);
        }
    }

    private void done(Actor actor, Task task) {
        tasks.move(actor.orgId(), task.id(), task.status(), "done", actor.memberId());
        reminders.cancel(actor.orgId(), task.id());
        events.publishEvent(new TaskCompleted(
                actor.orgId(),
                actor.memberId(),
                task.id(),
                task.title(),
                task.dueAt(),
                Instant.now(),
                task.assigneeIds(),
                task.contactIds()));
        if (task.recurrence() != null && task.dueAt() != null && task.seriesId() != null) {
            ZoneId zone = ZoneId.of(task.timeZone());
            Instant start = tasks.seriesStart(actor.orgId(), task.seriesId()).orElse(task.dueAt());
            Recurrence.parse(task.recurrence())
                    .next(start.atZone(zone), task.dueAt().atZone(zone))
                    .ifPresent(next -> {
                        Task following = TaskMerge.nextOf(task, next.toInstant());
                        tasks.insert(actor.orgId(), following);
                        reminders.plan(actor.orgId(), following);
                        events.publishEvent(new TaskCreated(
                                actor.orgId(),
                                actor.memberId(),
                                following.id(),
                                following.title(),
                                following.dueAt(),
                                following.assigneeIds(),
                                following.contactIds()));
                    });
        }
    }
}
