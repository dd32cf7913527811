package io.liaison.task.core;

import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A task's title, state and due time as a member sees it, or nothing when they do not see it, in one
 * light statement under {@link TaskVisibility}'s rule: what a reminder says when it fires, for which
 * reading the whole task ({@link TaskService#get}, with its links and checklist, refusing an unseen
 * one) took a third of the firing time.
 */
@Component
public class TaskSummaries {

    /** What a reminder needs of a task. */
    public record Summary(
            UUID id, String title, String status, @Nullable Instant dueAt) {}

    private final JdbcClient jdbc;
    private final TaskVisibility visibility;

    TaskSummaries(JdbcClient jdbc, TaskVisibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    /** The task {@code id} if {@code actor} sees it. */
    public Optional<Summary> visible(Actor actor, UUID id) {
        SqlFragment visible = visibility.visible(actor, "t");
        List<Object> params = new ArrayList<>(List.of(actor.orgId(), id));
        params.addAll(visible.params());
        return jdbc.sql("SELECT t.id, t.title, t.status, t.due_at FROM task t WHERE t.org_id = ? AND t.id = ? AND "
                        + visible.sql())
                .params(params)
                .query((rs, row) -> {
                    Timestamp due = rs.getTimestamp("due_at");
                    return new Summary(
                            rs.getObject("id", UUID.class),
                            rs.getString("title"),
                            rs.getString("status"),
                            due == null ? null : due.toInstant());
                })
                .optional();
    }
}
