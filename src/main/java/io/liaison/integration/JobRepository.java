package io.liaison.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the import and export job repositories share, each on its own table ({@code import_job},
 * {@code export_job}): a job of the organization started by a member, a job by id alone for its
 * runner, a member's latest jobs, and the unfinished ones, which are scheduled again at start-up.
 */
abstract class JobRepository<J> {

    final JdbcClient jdbc;
    private final String table;
    private final String columns;

    /** {@code columns} are those {@link #job} reads. */
    JobRepository(JdbcClient jdbc, String table, String columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = columns;
    }

    abstract J job(ResultSet rs, int row) throws SQLException;

    /** A job of the organization, started by {@code memberId}. */
    Optional<J> find(UUID orgId, UUID memberId, UUID id) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE org_id = ? AND created_by = ? AND id = ?")
                .params(orgId, memberId, id)
                .query(this::job)
                .optional();
    }

    /** A job by id alone, for the runner, which has no actor before it reads the job. */
    Optional<J> findForRun(UUID id) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE id = ?")
                .param(id)
                .query(this::job)
                .optional();
    }

    List<J> recent(UUID orgId, UUID memberId, int limit) {
        return jdbc.sql("SELECT " + columns + " FROM " + table
                        + " WHERE org_id = ? AND created_by = ? ORDER BY created_at DESC LIMIT ?")
                .params(orgId, memberId, limit)
                .query(this::job)
                .list();
    }

    List<UUID> unfinished() {
        return jdbc.sql("SELECT id FROM " + table + " WHERE status IN ('queued', 'running')")
                .query(UUID.class)
                .list();
    }
}
