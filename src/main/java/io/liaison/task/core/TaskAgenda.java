package io.liaison.task.core;

import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open tasks a member sees that fall due in a time window, for calendars (the calendar page and
 * the member's ICS feed): by {@link TaskVisibility}'s rule, at most {@code limit}, by due time.
 */
@Service
public class TaskAgenda {

    private final TaskRepository tasks;
    private final TaskVisibility visibility;

    TaskAgenda(TaskRepository tasks, TaskVisibility visibility) {
        this.tasks = tasks;
        this.visibility = visibility;
    }

    /** The open tasks due in [from, to) that the actor sees, the soonest first. */
    @Transactional(readOnly = true)
    public List<Task> due(Actor actor, Instant from, Instant to, int limit) {
        SqlFragment where = visibility
                .visible(actor, "t")
                .and(SqlFragment.of(
                        "t.status = 'open' AND t.due_at >= ? AND t.due_at < ?",
                        Timestamp.from(from),
                        Timestamp.from(to)));
        return tasks.list(where, null, limit).stream()
                .sorted(Comparator.comparing(Task::dueAt))
                .toList();
    }
}
