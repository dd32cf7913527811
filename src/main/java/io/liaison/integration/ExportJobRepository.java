package io.liaison.integration;

import io.liaison.shared.StoredMessages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Export jobs. */
@Repository
class ExportJobRepository extends JobRepository<ExportJob> {

    private static final String COLUMNS =
            "id, created_by, format, settings::text AS settings, status, rows, failure, created_at, finished_at, expires_at";

    private final JsonMapper json;
    private final StoredMessages texts;

    ExportJobRepository(JdbcClient jdbc, JsonMapper json, StoredMessages texts) {
        super(jdbc, "export_job", COLUMNS);
        this.texts = texts;
        this.json = json;
    }

    void insert(UUID orgId, UUID id, UUID memberId, String format, ExportJob.Settings settings) {
        jdbc.sql("INSERT INTO export_job (id, org_id, created_by, format, settings) VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(id, orgId, memberId, format, json.writeValueAsString(settings))
                .update();
    }

    void start(UUID id) {
        jdbc.sql("UPDATE export_job SET status = 'running', rows = 0 WHERE id = ?")
                .param(id)
                .update();
    }

    void finish(UUID id, String status, int rows, @Nullable String failure, @Nullable OffsetDateTime expiresAt) {
        jdbc.sql("""
                        UPDATE export_job SET status = ?, rows = ?, failure = ?, finished_at = now(), expires_at = ?
                         WHERE id = ?
                        """).params(status, rows, failure, expiresAt, id).update();
    }

    /** Marks the completed jobs past their expiry as expired; answers their ids, whose files may go. */
    List<UUID> expire(OffsetDateTime now) {
        return jdbc.sql(
                        "UPDATE export_job SET status = 'expired' WHERE status = 'completed' AND expires_at < ? RETURNING id")
                .param(now)
                .query(UUID.class)
                .list();
    }

    @Override
    ExportJob job(ResultSet rs, int row) throws SQLException {
        return new ExportJob(
                rs.getObject("id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getString("format"),
                json.readValue(rs.getString("settings"), ExportJob.Settings.class),
                rs.getString("status"),
                rs.getInt("rows"),
                // in the reader's language
                texts.read(rs.getString("failure")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class),
                rs.getObject("expires_at", OffsetDateTime.class));
    }
}
