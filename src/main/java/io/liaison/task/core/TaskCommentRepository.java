package io.liaison.task.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A task's comments with their authors' names; bound to one organization and task. */
@Repository
class TaskCommentRepository {

    private static final String SELECT = """
            SELECT c.id, c.author_id, m.display_name, c.body, c.created_at
              FROM task_comment c JOIN member m ON m.org_id = c.org_id AND m.id = c.author_id
             WHERE c.org_id = ? AND c.task_id = ?
            """;

    private final JdbcClient jdbc;

    TaskCommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID orgId, UUID taskId, UUID id, UUID authorId, String body) {
        jdbc.sql("INSERT INTO task_comment (org_id, task_id, id, author_id, body) VALUES (?, ?, ?, ?, ?)")
                .params(orgId, taskId, id, authorId, body)
                .update();
    }

    int count(UUID orgId, UUID taskId) {
        return jdbc.sql("SELECT count(*) FROM task_comment WHERE org_id = ? AND task_id = ?")
                .params(orgId, taskId)
                .query(Integer.class)
                .single();
    }

    TaskComment find(UUID orgId, UUID taskId, UUID id) {
        return jdbc.sql(SELECT + " AND c.id = ?")
                .params(orgId, taskId, id)
                .query(this::row)
                .single();
    }

    /** Oldest first (ids are time ordered), after {@code after}. */
    List<TaskComment> page(UUID orgId, UUID taskId, @Nullable UUID after, int limit) {
        List<Object> params = new ArrayList<>(List.of(orgId, taskId));
        String sql = SELECT;
        if (after != null) {
            sql += " AND c.id > ?";
            params.add(after);
        }
        params.add(limit);
        return jdbc.sql(sql + " ORDER BY c.id LIMIT ?")
                .params(params)
                .query(this::row)
                .list();
    }

    private TaskComment row(ResultSet rs, int n) throws SQLException {
        return new TaskComment(
                rs.getObject("id", UUID.class),
                rs.getObject("author_id", UUID.class),
                rs.getString("display_name"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant());
    }
}
