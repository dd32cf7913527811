package io.liaison.integration;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reads import and export jobs share, each on its own table ({@code import_job}, {@code
 * export_job}): a job of the organization started by a member, a job by id alone for its runner, a
 * member's latest jobs, and the unfinished ones, which are scheduled again at start-up.
 */
final class JobTable<J> {

    private final JdbcClient jdbc;
    private final String table;
    private final String columns;
    private final RowMapper<J> rows;

    JobTable(JdbcClient jdbc, String table, String columns, RowMapper<J> rows) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = columns;
        this.rows = rows;
    }

    /** A job of the organization, started by {@code memberId}. */
    Optional<J> find(UUID orgId, UUID memberId, UUID id) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE org_id = ? AND created_by = ? AND id = ?")
                .params(orgId, memberId, id)
                .query(rows)
                .optional();
    }

    /** A job by id alone, for the runner, which has no actor before it reads the job. */
    Optional<J> findForRun(UUID id) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE id = ?")
                .param(id)
                .query(rows)
                .optional();
    }

    List<J> recent(UUID orgId, UUID memberId, int limit) {
        return jdbc.sql("SELECT " + columns + " FROM " + table
                        + " WHERE org_id = ? AND created_by = ? ORDER BY created_at DESC LIMIT ?")
                .params(orgId, memberId, limit)
                .query(rows)
                .list();
    }

    List<UUID> unfinished() {
        return jdbc.sql("SELECT id FROM " + table + " WHERE status IN ('queued', 'running')")
                .query(UUID.class)
                .list();
    }
}
