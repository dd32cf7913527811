package io.liaison.task.core;

import io.liaison.contact.ContactAudience;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import io.liaison.task.recurrence.Recurrence;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks for the members who make, do and oversee them: anyone makes a task for themselves or others
 * and links it to contacts they see; who sees a task is {@link TaskVisibility}'s rule, in every query.
 */
@Service
public class TaskService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_ASSIGNEES = 20;
    public static final int MAX_CONTACTS = 20;
    public static final int MAX_CHECKLIST = 100;
    public static final int MAX_CHECK_ITEM = 500;

    private final TaskRepository tasks;
    private final TaskVisibility visibility;
    private final MemberService members;
    private final ContactAudience contacts;

    TaskService(TaskRepository tasks, TaskVisibility visibility, MemberService members, ContactAudience contacts) {
        this.tasks = tasks;
        this.visibility = visibility;
        this.members = members;
        this.contacts = contacts;
    }

    /** What a new task says; {@code timeZone} null is the maker's, {@code assigneeIds} empty the maker alone. */
    public record NewTask(
            String title,
            @Nullable String description,
            @Nullable String priority,
            @Nullable Instant dueAt,
            @Nullable String timeZone,
            @Nullable String recurrence,
            List<UUID> assigneeIds,
            List<UUID> contactIds,
            List<Task.CheckItem> checklist) {}

    @Transactional
    public Task create(Actor actor, NewTask request) {
        String title = text("title", request.title(), MAX_TITLE);
        String description =
                request.description() == null || request.description().isBlank()
                        ? null
                        : text("description", request.description(), MAX_DESCRIPTION);
        String priority = request.priority() == null ? "normal" : request.priority();
        if (!Task.PRIORITIES.contains(priority)) {
            throw LiaisonException.invalid("priority", "invalid.one-of", String.join(", ", Task.PRIORITIES));
        }
        String zone = zone(actor, request.timeZone());
        String recurrence = null;
        if (request.recurrence() != null && !request.recurrence().isBlank()) {
            if (request.dueAt() == null) {
                throw LiaisonException.invalid("dueAt", "invalid.required");
            }
            recurrence = Recurrence.parse(request.recurrence()).rule();
        }
        List<UUID> assignees = request.assigneeIds().isEmpty() ? List.of(actor.memberId()) : request.assigneeIds();
        checkAssignees(actor, assignees);
        checkContacts(actor, request.contactIds());
        checkChecklist(request.checklist());
        UUID id = Ids.newId();
        Instant now = Instant.now();
        tasks.insert(
                actor.orgId(),
                new Task(
                        id,
                        title,
                        description,
                        priority,
                        "open",
                        request.dueAt(),
                        zone,
                        recurrence,
                        recurrence == null ? null : id,
                        actor.memberId(),
                        actor.displayName(),
                        null,
                        null,
                        List.copyOf(assignees),
                        List.copyOf(request.contactIds()),
                        List.of(),
                        List.copyOf(request.checklist()),
                        now,
                        now,
                        0));
        return get(actor, id);
    }

    @Transactional(readOnly = true)
    public Task get(Actor actor, UUID id) {
        return tasks.find(actor.orgId(), id, visibility.visible(actor, "t"))
                .orElseThrow(() -> LiaisonException.notFound("task", id));
    }

    /** The tasks the actor sees, newest first; only those assigned to {@code assigneeId} when given. */
    @Transactional(readOnly = true)
    public CursorPage<Task> list(Actor actor, @Nullable UUID assigneeId, @Nullable String cursor, int limit) {
        SqlFragment where = visibility.visible(actor, "t");
        if (assigneeId != null) {
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM task_assignee f WHERE f.org_id = t.org_id AND f.task_id = t.id"
                            + " AND f.member_id = ?)",
                    assigneeId));
        }
        return CursorPage.of(tasks.list(where, CursorPage.decode(cursor), limit + 1), limit, Task::id);
    }

    /**
     * Marks an open task done (a done one stays as it was); a repeating one opens its next occurrence,
     * with the same assignees, contacts and checklist (unticked), unless its series has ended.
     */
    @Transactional
    public Task complete(Actor actor, UUID id) {
        Task task = get(actor, id);
        if (!task.status().equals("open")) {
            return task;
        }
        tasks.complete(actor.orgId(), task.id(), actor.memberId());
        if (task.recurrence() != null && task.dueAt() != null && task.seriesId() != null) {
            ZoneId zone = ZoneId.of(task.timeZone());
            Instant start = tasks.seriesStart(actor.orgId(), task.seriesId()).orElse(task.dueAt());
            Recurrence.parse(task.recurrence())
                    .next(start.atZone(zone), task.dueAt().atZone(zone))
                    .ifPresent(next -> tasks.insert(actor.orgId(), nextOf(task, next.toInstant())));
        }
        return get(actor, id);
    }

    private static Task nextOf(Task done, Instant due) {
        Instant now = Instant.now();
        return new Task(
                Ids.newId(),
                done.title(),
                done.description(),
                done.priority(),
                "open",
                due,
                done.timeZone(),
                done.recurrence(),
                done.seriesId(),
                done.createdBy(),
                done.createdByName(),
                null,
                null,
                done.assigneeIds(),
                done.contactIds(),
                done.conversationIds(),
                done.checklist().stream()
                        .map(item -> new Task.CheckItem(item.text(), false))
                        .toList(),
                now,
                now,
                0);
    }

    private void checkAssignees(Actor actor, List<UUID> ids) {
        if (ids.size() > MAX_ASSIGNEES) {
            throw LiaisonException.tooMany("assigneeIds", MAX_ASSIGNEES);
        }
        Map<UUID, String> known = members.displayNames(actor, ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!known.containsKey(ids.get(i))) {
                throw LiaisonException.invalid("assigneeIds[" + i + "]", "invalid.task-assignee", ids.get(i));
            }
        }
    }

    private void checkContacts(Actor actor, List<UUID> ids) {
        if (ids.size() > MAX_CONTACTS) {
            throw LiaisonException.tooMany("contactIds", MAX_CONTACTS);
        }
        Map<UUID, String> seen = contacts.visibleNames(actor, ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.containsKey(ids.get(i))) {
                throw LiaisonException.invalid("contactIds[" + i + "]", "invalid.task-contact", ids.get(i));
            }
        }
    }

    private static void checkChecklist(List<Task.CheckItem> items) {
        if (items.size() > MAX_CHECKLIST) {
            throw LiaisonException.tooMany("checklist", MAX_CHECKLIST);
        }
        for (int i = 0; i < items.size(); i++) {
            text("checklist[" + i + "].text", items.get(i).text(), MAX_CHECK_ITEM);
        }
    }

    private static String zone(Actor actor, @Nullable String zone) {
        if (zone == null || zone.isBlank()) {
            return actor.timeZone().getId();
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            throw LiaisonException.invalid("timeZone", "invalid.time-zone");
        }
    }

    private static String text(String field, @Nullable String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw LiaisonException.invalid(field, "invalid.length", 1, max);
        }
        return text;
    }
}
