package io.liaison.integration;

import io.liaison.contact.ContactImport;
import io.liaison.shared.CopyRows;
import io.liaison.shared.StoredMessages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Import jobs and the rows they refused or noted. */
@Repository
class ImportJobRepository extends JobRepository<ImportJob> {

    private static final String COLUMNS = """
            id, created_by, file_name, file_size, format, mode, match, dry_run, settings::text AS settings, status,
            total, next_record, created, updated, unchanged, skipped, failed, failure, cancel_requested,
            created_at, started_at, finished_at
            """;

    private final JsonMapper json;
    private final StoredMessages texts;
    private final DataSource dataSource;

    ImportJobRepository(JdbcClient jdbc, JsonMapper json, DataSource dataSource, StoredMessages texts) {
        super(jdbc, "import_job", COLUMNS);
        this.texts = texts;
        this.json = json;
        this.dataSource = dataSource;
    }

    void insert(UUID orgId, ImportJob job) {
        jdbc.sql("""
                        INSERT INTO import_job (id, org_id, created_by, file_name, file_size, format, mode, match, settings,
                                                dry_run)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                        """)
                .params(
                        job.id(),
                        orgId,
                        job.createdBy(),
                        job.fileName(),
                        job.fileSize(),
                        job.format(),
                        job.mode(),
                        job.match(),
                        json.writeValueAsString(job.settings()),
                        job.dryRun())
                .update();
    }

    void start(UUID id, int total) {
        jdbc.sql("""
                        UPDATE import_job SET status = 'running', total = ?, started_at = coalesce(started_at, now())
                         WHERE id = ?
                        """).params(total, id).update();
    }

    /**
     * Locks the job's row until the batch commits; false when the job no longer stands at {@code
     * from}: another node took the job over (this one missed its heartbeats) and went on from there.
     */
    boolean claim(UUID id, int from) {
        return jdbc.sql("SELECT next_record FROM import_job WHERE id = ? FOR UPDATE")
                .param(id)
                .query(Integer.class)
                .optional()
                .filter(next -> next == from)
                .isPresent();
    }

    /** The counters after a batch, in the batch's transaction. */
    void advance(UUID id, int nextRecord, Map<ContactImport.Outcome, Integer> counts) {
        jdbc.sql("""
                        UPDATE import_job SET next_record = ?, created = created + ?, updated = updated + ?,
                               unchanged = unchanged + ?, skipped = skipped + ?, failed = failed + ?
                         WHERE id = ?
                        """)
                .params(
                        nextRecord,
                        counts.getOrDefault(ContactImport.Outcome.CREATED, 0),
                        counts.getOrDefault(ContactImport.Outcome.UPDATED, 0),
                        counts.getOrDefault(ContactImport.Outcome.UNCHANGED, 0),
                        counts.getOrDefault(ContactImport.Outcome.SKIPPED, 0),
                        counts.getOrDefault(ContactImport.Outcome.FAILED, 0),
                        id)
                .update();
    }

    /** Whether the job ended now (false: it had ended before). */
    boolean finish(UUID id, String status, @Nullable String failure) {
        return jdbc.sql("""
                        UPDATE import_job SET status = ?, failure = ?, finished_at = now()
                         WHERE id = ? AND finished_at IS NULL
                        """).params(status, failure, id).update() == 1;
    }

    boolean requestCancel(UUID orgId, UUID id) {
        return jdbc.sql("""
                        UPDATE import_job SET cancel_requested = true
                         WHERE org_id = ? AND id = ? AND status IN ('queued', 'running')
                        """).params(orgId, id).update() == 1;
    }

    boolean cancelRequested(UUID id) {
        return jdbc.sql("SELECT cancel_requested FROM import_job WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** One refused or noted record. */
    record Problem(int record, String kind, String reason, List<String> cells) {}

    /** Writes the problems of a batch with COPY, in the batch's transaction. */
    void addProblems(UUID orgId, UUID jobId, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows("import_problem (org_id, job_id, record, kind, reason, cells)", 1 << 16);
        problems.forEach(
                p -> rows.add(orgId, jobId, p.record(), p.kind(), p.reason(), json.writeValueAsString(p.cells())));
        rows.copy(dataSource);
    }

    /** The problems of a job in record order, fetched a thousand at a time (call it in a transaction). */
    void problems(UUID orgId, UUID jobId, Consumer<Problem> each) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(1000);
        streaming.query(
                """
                SELECT record, kind, reason, cells::text AS cells FROM import_problem
                 WHERE org_id = ? AND job_id = ? ORDER BY record, kind
                """,
                (RowCallbackHandler) rs -> {
                    each.accept(new Problem(
                            rs.getInt("record"),
                            rs.getString("kind"),
                            rs.getString("reason"),
                            json.readValue(rs.getString("cells"), new TypeReference<List<String>>() {})));
                },
                orgId,
                jobId);
    }

    /** The first {@code limit} problems of a job in record order, as the result page lists them. */
    List<Problem> firstProblems(UUID orgId, UUID jobId, int limit) {
        return jdbc.sql("""
                        SELECT record, kind, reason, cells::text AS cells FROM import_problem
                         WHERE org_id = ? AND job_id = ? ORDER BY record, kind LIMIT ?
                        """)
                .params(orgId, jobId, limit)
                .query((rs, n) -> new Problem(
                        rs.getInt("record"),
                        rs.getString("kind"),
                        rs.getString("reason"),
                        json.readValue(rs.getString("cells"), new TypeReference<List<String>>() {})))
                .list();
    }

    /** Finished jobs older than the cutoff, whose files may go. */
    List<UUID> finishedBefore(OffsetDateTime cutoff) {
        return jdbc.sql("SELECT id FROM import_job WHERE finished_at < ?")
                .param(cutoff)
                .query(UUID.class)
                .list();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM import_job WHERE id = ?").param(id).update();
    }

    @Override
    ImportJob job(ResultSet rs, int row) throws SQLException {
        return new ImportJob(
                rs.getObject("id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getString("file_name"),
                rs.getLong("file_size"),
                rs.getString("format"),
                rs.getString("mode"),
                rs.getString("match"),
                rs.getBoolean("dry_run"),
                json.readValue(rs.getString("settings"), ImportJob.Settings.class),
                rs.getString("status"),
                rs.getObject("total", Integer.class),
                rs.getInt("next_record"),
                rs.getInt("created"),
                rs.getInt("updated"),
                rs.getInt("unchanged"),
                rs.getInt("skipped"),
                rs.getInt("failed"),
                // in the reader's language
                texts.read(rs.getString("failure")),
                rs.getBoolean("cancel_requested"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }
}
