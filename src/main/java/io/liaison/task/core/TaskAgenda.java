package io.liaison.task.core;

import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks a member sees arranged by when they are due, for the pages: overdue, due in a window (today),
 * due later (and those without a due time), recently done, and those of one contact or conversation;
 * and for calendars (the calendar page and the member's ICS feed), the open tasks due in a window.
 * Every read keeps to {@link TaskVisibility}'s rule and to the chosen {@link Scope}.
 */
@Service
public class TaskAgenda {

    /** At most this many tasks a section. */
    public static final int SECTION_LIMIT = 50;

    /** Whose tasks a section shows: those assigned to the member, those they made, or all they see. */
    public enum Scope {
        ASSIGNED,
        MADE,
        ALL
    }

    /** What a section keeps besides visibility: the scope and, when given, one contact or conversation. */
    public record Filter(
            Scope scope, @Nullable UUID contactId, @Nullable UUID conversationId) {

        public static Filter of(Scope scope) {
            return new Filter(scope, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final TaskRepository tasks;
    private final TaskVisibility visibility;
    private final TaskNames names;

    TaskAgenda(JdbcClient jdbc, TaskRepository tasks, TaskVisibility visibility, TaskNames names) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.visibility = visibility;
        this.names = names;
    }

    /** Open tasks due before {@code before}, the earliest first. */
    @Transactional(readOnly = true)
    public List<Task> overdue(Actor actor, Filter filter, Instant before) {
        return open(actor, filter, SqlFragment.of("t.due_at < ?", timestamp(before)));
    }

    /** Open tasks due from {@code from} (included) to {@code to} (excluded), the earliest first. */
    @Transactional(readOnly = true)
    public List<Task> dueBetween(Actor actor, Filter filter, Instant from, Instant to) {
        return open(actor, filter, SqlFragment.of("t.due_at >= ? AND t.due_at < ?", timestamp(from), timestamp(to)));
    }

    /** Open tasks due from {@code from} on, the earliest first, then those without a due time. */
    @Transactional(readOnly = true)
    public List<Task> upcoming(Actor actor, Filter filter, Instant from) {
        return open(actor, filter, SqlFragment.of("(t.due_at >= ? OR t.due_at IS NULL)", timestamp(from)));
    }

    /** Every open task of the filter, the earliest due first, those without a due time last. */
    @Transactional(readOnly = true)
    public List<Task> open(Actor actor, Filter filter) {
        return open(actor, filter, SqlFragment.of("TRUE"));
    }

    /** The open tasks the actor sees due in [from, to), the soonest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Task> due(Actor actor, Instant from, Instant to, int limit) {
        SqlFragment where = visibility
                .visible(actor, "t")
                .and(SqlFragment.of(
                        "t.status = 'open' AND t.due_at >= ? AND t.due_at < ?", timestamp(from), timestamp(to)));
        return ordered(actor, where, "t.due_at, t.id", limit);
    }

    /** Tasks done, the most recently done first. */
    @Transactional(readOnly = true)
    public List<Task> recentlyDone(Actor actor, Filter filter, int limit) {
        SqlFragment where = where(actor, filter).and(SqlFragment.of("t.status = 'done'"));
        return ordered(actor, where, "t.completed_at DESC, t.id DESC", Math.min(limit, SECTION_LIMIT));
    }

    /**
     * How many open tasks assigned to the member are past their due time, counted up to 100 (the
     * navigation shows 99+ beyond), from the assignee index.
     */
    @Transactional(readOnly = true)
    public int overdueCount(Actor actor, Instant now) {
        return assignedDueCount(actor, null, now, 100);
    }

    /**
     * The open tasks assigned to the member due before {@code to} (and from {@code from} when given),
     * the earliest first, at most {@code limit}: the workbench's overdue and due-today lists.
     */
    @Transactional(readOnly = true)
    public List<Task> assignedDue(Actor actor, @Nullable Instant from, Instant to, int limit) {
        int max = Math.min(limit, SECTION_LIMIT);
        // the first ones from the assignee index (a task assigned to the member is one they see)
        SqlFragment where = visibility
                .visible(actor, "t")
                .and(SqlFragment.of("t.status = 'open'"))
                .and(due("t.due_at", from, to))
                .append(
                        " AND t.id = ANY (ARRAY(SELECT a.task_id FROM task_assignee a WHERE ",
                        assignedRows(actor, from, to),
                        " ORDER BY a.open_due_at, a.task_id LIMIT " + max + "))");
        return ordered(actor, where, "t.due_at, t.id", max);
    }

    /**
     * How many open tasks assigned to the member are due before {@code to} (from {@code from} when
     * given), counted up to {@code cap} from the assignee index.
     */
    @Transactional(readOnly = true)
    public int assignedDueCount(Actor actor, @Nullable Instant from, Instant to, int cap) {
        SqlFragment where = assignedRows(actor, from, to);
        return bounded("SELECT 1 FROM task_assignee a WHERE " + where.sql(), where.params(), cap);
    }

    /** The member's assignee rows {@code a} of open tasks due before {@code to} (from {@code from}). */
    private static SqlFragment assignedRows(Actor actor, @Nullable Instant from, Instant to) {
        return SqlFragment.of("a.org_id = ? AND a.member_id = ?", actor.orgId(), actor.memberId())
                .and(due("a.open_due_at", from, to));
    }

    /**
     * How many open tasks past their due time are assigned to the member or to a member whose figures
     * the actor sees ({@code memberFilter} over the assignee row {@code a}), counted up to {@code cap}
     * from the index of open tasks by due time.
     */
    @Transactional(readOnly = true)
    public int overdueOf(Actor actor, SqlFragment memberFilter, Instant now, int cap) {
        SqlFragment where = SqlFragment.of(
                        "t.org_id = ? AND t.status = 'open' AND t.due_at < ?", actor.orgId(), timestamp(now))
                .append(
                        " AND EXISTS (SELECT 1 FROM task_assignee a WHERE a.org_id = t.org_id AND a.task_id = t.id AND ",
                        memberFilter,
                        ")");
        return bounded("SELECT 1 FROM task t WHERE " + where.sql(), where.params(), cap);
    }

    private int bounded(String select, List<Object> where, int cap) {
        List<Object> params = new ArrayList<>(where);
        params.add(cap);
        return jdbc.sql("SELECT count(*) FROM (" + select + " LIMIT ?) bounded")
                .params(params)
                .query(Integer.class)
                .single();
    }

    private static SqlFragment due(String column, @Nullable Instant from, Instant to) {
        SqlFragment before = SqlFragment.of(column + " < ?", timestamp(to));
        return from == null ? before : before.and(SqlFragment.of(column + " >= ?", timestamp(from)));
    }

    private List<Task> open(Actor actor, Filter filter, SqlFragment due) {
        SqlFragment where =
                where(actor, filter).and(SqlFragment.of("t.status = 'open'")).and(due);
        return ordered(actor, where, "t.due_at ASC NULLS LAST, t.id", SECTION_LIMIT);
    }

    private SqlFragment where(Actor actor, Filter filter) {
        SqlFragment where = visibility.visible(actor, "t");
        where = switch (filter.scope()) {
            // the member's tasks read once from the assignee index: an EXISTS per task let the planner walk
            // every open task by due time (0.6 s for a manager's workbench at 10^6 contacts)
            case ASSIGNED ->
                where.and(SqlFragment.of(
                        "t.id = ANY (ARRAY(SELECT s.task_id FROM task_assignee s WHERE s.org_id = ?"
                                + " AND s.member_id = ?))",
                        actor.orgId(),
                        actor.memberId()));
            case MADE -> where.and(SqlFragment.of("t.created_by = ?", actor.memberId()));
            case ALL -> where;
        };
        if (filter.contactId() != null) {
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM task_contact k WHERE k.org_id = t.org_id AND k.task_id = t.id"
                            + " AND k.contact_id = ?)",
                    filter.contactId()));
        }
        if (filter.conversationId() != null) {
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM task_conversation v WHERE v.org_id = t.org_id AND v.task_id = t.id"
                            + " AND v.conversation_id = ?)",
                    filter.conversationId()));
        }
        return where;
    }

    /**
     * The ids in the section's order, then the tasks themselves in one read, put back in that order,
     * with the names of their contacts and groups as the actor may see them.
     */
    private List<Task> ordered(Actor actor, SqlFragment where, String order, int limit) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        List<UUID> ids = jdbc.sql("SELECT t.id FROM task t WHERE " + where.sql() + " ORDER BY " + order + " LIMIT ?")
                .params(params)
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        SqlFragment chosen = where.and(SqlFragment.of("t.id = ANY (?)", (Object) ids.toArray(UUID[]::new)));
        return names.of(
                actor,
                tasks.list(chosen, null, ids.size()).stream()
                        .sorted(Comparator.comparing(task -> position.get(task.id())))
                        .toList());
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.from(at);
    }
}
