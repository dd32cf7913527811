package io.liaison.task.core;

import io.liaison.shared.SqlFragment;
import io.liaison.task.TaskHandOver;
import io.liaison.task.TaskUpdated;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link TaskHandOver}: the assignee replaced in place, the reminders planned for the receiver. */
@Component
class TaskHandOvers implements TaskHandOver {

    private final JdbcClient jdbc;
    private final TaskRepository tasks;
    private final TaskReminders reminders;
    private final ApplicationEventPublisher events;

    TaskHandOvers(JdbcClient jdbc, TaskRepository tasks, TaskReminders reminders, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.reminders = reminders;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public int open(UUID orgId, UUID memberId) {
        return jdbc.sql("""
                        SELECT count(*) FROM task_assignee a JOIN task t ON t.org_id = a.org_id AND t.id = a.task_id
                         WHERE a.org_id = ? AND a.member_id = ? AND t.status = 'open'
                        """).params(orgId, memberId).query(Integer.class).single();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int handOver(
            UUID orgId, UUID actorId, UUID fromId, UUID toId, @Nullable Collection<UUID> contactIds, int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_BATCH);
        }
        if (contactIds != null && contactIds.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>(List.of(orgId, fromId));
        String linked = "";
        if (contactIds != null) {
            linked = " AND EXISTS (SELECT 1 FROM task_contact k WHERE k.org_id = t.org_id AND k.task_id = t.id"
                    + " AND k.contact_id = ANY (?))";
            params.add(contactIds.toArray(UUID[]::new));
        }
        params.add(limit);
        List<UUID> ids =
                jdbc.sql("""
                        SELECT t.id FROM task_assignee a JOIN task t ON t.org_id = a.org_id AND t.id = a.task_id
                         WHERE a.org_id = ? AND a.member_id = ? AND t.status = 'open'""" + linked + """
                         ORDER BY t.id LIMIT ? FOR UPDATE OF t
                        """).params(params).query(UUID.class).list();
        for (UUID id : ids) {
            Task before = tasks.find(orgId, id, SqlFragment.of("TRUE")).orElseThrow();
            jdbc.sql("DELETE FROM task_assignee WHERE org_id = ? AND task_id = ? AND member_id = ?")
                    .params(orgId, id, fromId)
                    .update();
            jdbc.sql("""
                            INSERT INTO task_assignee (org_id, task_id, member_id) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING
                            """).params(orgId, id, toId).update();
            jdbc.sql("UPDATE task SET version = version + 1, updated_at = now() WHERE org_id = ? AND id = ?")
                    .params(orgId, id)
                    .update();
            Task after = tasks.find(orgId, id, SqlFragment.of("TRUE")).orElseThrow();
            reminders.plan(orgId, after);
            events.publishEvent(new TaskUpdated(
                    orgId,
                    actorId,
                    id,
                    Map.of("assigneeIds", texts(before.assigneeIds())),
                    Map.of("assigneeIds", texts(after.assigneeIds()))));
        }
        return ids.size();
    }

    private static List<String> texts(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}
