package io.liaison.task.core;

import io.liaison.shared.SqlFragment;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Tasks with their assignees, links and checklist, read in one statement each; bound to one organization. */
@Repository
class TaskRepository {

    private static final String SELECT = """
            SELECT t.id, t.title, t.description, t.priority, t.status, t.due_at, t.time_zone, t.recurrence,
                   t.reminders, t.series_id, t.created_by, m.display_name AS created_by_name, t.completed_by, t.completed_at,
                   ARRAY(SELECT a.member_id FROM task_assignee a
                          WHERE a.org_id = t.org_id AND a.task_id = t.id ORDER BY a.member_id) AS assignee_ids,
                   ARRAY(SELECT n.display_name FROM task_assignee a JOIN member n ON n.org_id = a.org_id AND n.id = a.member_id
                          WHERE a.org_id = t.org_id AND a.task_id = t.id ORDER BY a.member_id) AS assignee_names,
                   ARRAY(SELECT k.contact_id FROM task_contact k
                          WHERE k.org_id = t.org_id AND k.task_id = t.id ORDER BY k.contact_id) AS contact_ids,
                   ARRAY(SELECT v.conversation_id FROM task_conversation v
                          WHERE v.org_id = t.org_id AND v.task_id = t.id ORDER BY v.conversation_id)
                       AS conversation_ids,
                   (SELECT coalesce(jsonb_agg(jsonb_build_object('text', i.text, 'done', i.done) ORDER BY i.position),
                                    '[]')::text
                      FROM task_check_item i WHERE i.org_id = t.org_id AND i.task_id = t.id) AS checklist,
                   t.created_at, t.updated_at, t.version
              FROM task t
              JOIN member m ON m.org_id = t.org_id AND m.id = t.created_by
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TaskRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID orgId, Task t) {
        jdbc.sql("""
                        INSERT INTO task (org_id, id, title, description, priority, status, due_at, time_zone,
                                          recurrence, reminders, series_id, created_by)
                        VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        orgId,
                        t.id(),
                        t.title(),
                        t.description(),
                        t.priority(),
                        t.dueAt() == null ? null : Timestamp.from(t.dueAt()),
                        t.timeZone(),
                        t.recurrence(),
                        seconds(t.reminders()),
                        t.seriesId(),
                        t.createdBy())
                .update();
        links(orgId, t);
    }

    /**
     * Writes the task's own fields and its links when the reader's {@code version} is still the
     * stored one; answers whether it was.
     */
    boolean update(UUID orgId, Task t, int version) {
        boolean updated = jdbc.sql("""
                                UPDATE task SET title = ?, description = ?, priority = ?, due_at = ?, time_zone = ?,
                                                recurrence = ?, reminders = ?, series_id = ?, updated_at = now(),
                                                version = version + 1
                                 WHERE org_id = ? AND id = ? AND version = ?
                                """)
                        .params(
                                t.title(),
                                t.description(),
                                t.priority(),
                                t.dueAt() == null ? null : Timestamp.from(t.dueAt()),
                                t.timeZone(),
                                t.recurrence(),
                                seconds(t.reminders()),
                                t.seriesId(),
                                orgId,
                                t.id(),
                                version)
                        .update()
                == 1;
        if (updated) {
            links(orgId, t);
        }
        return updated;
    }

    /** Moves a task from {@code from} to {@code to} (done by {@code by}, when done); answers whether it moved. */
    boolean move(UUID orgId, UUID id, String from, String to, UUID by) {
        boolean done = to.equals("done");
        return jdbc.sql("""
                                UPDATE task SET status = ?, completed_by = ?, completed_at = CASE WHEN ? THEN now() END,
                                                updated_at = now(), version = version + 1
                                 WHERE org_id = ? AND id = ? AND status = ?
                                """).params(to, done ? by : null, done, orgId, id, from).update() == 1;
    }

    void delete(UUID orgId, UUID id) {
        jdbc.sql("DELETE FROM task WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .update();
    }

    /** Removes a purged contact from every task that named it. */
    void unlinkContact(UUID orgId, UUID contactId) {
        jdbc.sql("DELETE FROM task_contact WHERE org_id = ? AND contact_id = ?")
                .params(orgId, contactId)
                .update();
    }

    /** Writes the task's assignees, contacts, groups and checklist (after removing the old ones). */
    void links(UUID orgId, Task t) {
        for (String table : List.of("task_assignee", "task_contact", "task_conversation", "task_check_item")) {
            jdbc.sql("DELETE FROM " + table + " WHERE org_id = ? AND task_id = ?")
                    .params(orgId, t.id())
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO task_assignee (org_id, task_id, member_id) SELECT ?, ?, unnest(?::uuid[])
                        """)
                .params(orgId, t.id(), t.assigneeIds().toArray(UUID[]::new))
                .update();
        jdbc.sql("""
                        INSERT INTO task_contact (org_id, task_id, contact_id) SELECT ?, ?, unnest(?::uuid[])
                        """).params(orgId, t.id(), t.contactIds().toArray(UUID[]::new)).update();
        jdbc.sql("""
                        INSERT INTO task_conversation (org_id, task_id, conversation_id)
                        SELECT ?, ?, unnest(?::uuid[])
                        """)
                .params(orgId, t.id(), t.conversationIds().toArray(UUID[]::new))
                .update();
        for (int i = 0; i < t.checklist().size(); i++) {
            Task.CheckItem item = t.checklist().get(i);
            jdbc.sql("INSERT INTO task_check_item (org_id, task_id, position, text, done) VALUES (?, ?, ?, ?, ?)")
                    .params(orgId, t.id(), i, item.text(), item.done())
                    .update();
        }
    }

    /** The task when {@code visible} (over alias {@code t}) lets its reader see it. */
    Optional<Task> find(UUID orgId, UUID id, SqlFragment visible) {
        List<Object> params = new ArrayList<>(List.of(orgId, id));
        params.addAll(visible.params());
        return jdbc.sql(SELECT + " WHERE t.org_id = ? AND t.id = ? AND " + visible.sql())
                .params(params)
                .query(this::row)
                .optional();
    }

    /** Newest first, before the cursor's task, of those {@code where} (over alias {@code t}) keeps. */
    List<Task> list(SqlFragment where, @Nullable UUID before, int limit) {
        List<Object> params = new ArrayList<>(where.params());
        String sql = SELECT + " WHERE " + where.sql();
        if (before != null) {
            sql += " AND t.id < ?";
            params.add(before);
        }
        params.add(limit);
        return jdbc.sql(sql + " ORDER BY t.id DESC LIMIT ?")
                .params(params)
                .query(this::row)
                .list();
    }

    /** The due time of a series' first task, from which its occurrences are counted. */
    Optional<Instant> seriesStart(UUID orgId, UUID seriesId) {
        return jdbc.sql("SELECT due_at FROM task WHERE org_id = ? AND id = ?")
                .params(orgId, seriesId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    private Task row(ResultSet rs, int n) throws SQLException {
        return new Task(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("priority"),
                rs.getString("status"),
                instant(rs.getTimestamp("due_at")),
                rs.getString("time_zone"),
                rs.getString("recurrence"),
                durations(rs.getArray("reminders")),
                rs.getObject("series_id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getString("created_by_name"),
                rs.getObject("completed_by", UUID.class),
                instant(rs.getTimestamp("completed_at")),
                ids(rs.getArray("assignee_ids")),
                Arrays.asList((String[]) rs.getArray("assignee_names").getArray()),
                ids(rs.getArray("contact_ids")),
                List.of(),
                ids(rs.getArray("conversation_ids")),
                List.of(),
                Arrays.asList(json.readValue(rs.getString("checklist"), Task.CheckItem[].class)),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static List<UUID> ids(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    private static Integer[] seconds(List<Duration> durations) {
        return durations.stream().map(d -> (int) d.toSeconds()).toArray(Integer[]::new);
    }

    private static List<Duration> durations(Array array) throws SQLException {
        return Arrays.stream((Integer[]) array.getArray())
                .map(Duration::ofSeconds)
                .toList();
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
