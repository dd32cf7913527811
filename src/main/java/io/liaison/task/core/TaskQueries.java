package io.liaison.task.core;

import io.liaison.shared.SqlFragment;

/** A list's conditions over the task row {@code t}, after the reader's visibility. */
final class TaskQueries {

    private TaskQueries() {}

    static SqlFragment where(SqlFragment visible, TaskService.TaskQuery q) {
        SqlFragment where = visible;
        if (q.assigneeId() != null) {
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM task_assignee f WHERE f.org_id = t.org_id AND f.task_id = t.id"
                            + " AND f.member_id = ?)",
                    q.assigneeId()));
        }
        if (q.createdBy() != null) {
            where = where.and(SqlFragment.of("t.created_by = ?", q.createdBy()));
        }
        if (q.status() != null) {
            where = where.and(SqlFragment.of("t.status = ?", TaskChecks.status(q.status())));
        }
        if (q.dueFrom() != null) {
            where = where.and(SqlFragment.of("t.due_at >= ?", java.sql.Timestamp.from(q.dueFrom())));
        }
        if (q.dueBefore() != null) {
            where = where.and(SqlFragment.of("t.due_at < ?", java.sql.Timestamp.from(q.dueBefore())));
        }
        if (q.contactId() != null) {
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM task_contact fc WHERE fc.org_id = t.org_id AND fc.task_id = t.id"
                            + " AND fc.contact_id = ?)",
                    q.contactId()));
        }
        if (q.conversationId() != null) {
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM task_conversation fv WHERE fv.org_id = t.org_id AND fv.task_id = t.id"
                            + " AND fv.conversation_id = ?)",
                    q.conversationId()));
        }
        return where;
    }
}
