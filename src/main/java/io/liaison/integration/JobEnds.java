package io.liaison.integration;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the end of an import or export job and publishes {@link ImportFinished} or {@link
 * ExportFinished} in the same transaction, so that the event exists exactly when the end does.
 */
@Component
class JobEnds {

    private final ImportJobRepository imports;
    private final ExportJobRepository exports;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JobEnds(
            ImportJobRepository imports,
            ExportJobRepository exports,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.imports = imports;
        this.exports = exports;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Ends an import job that has not ended yet; one that has is left as it is. */
    @Transactional
    void endImport(UUID id, String status, @Nullable String failure) {
        if (imports.finish(id, status, failure)) {
            events.publishEvent(
                    jdbc.sql("""
                            SELECT org_id, created_by AS member_id, id AS job_id, file_name, status, created, updated, unchanged, skipped, failed
                              FROM import_job WHERE id = ?
                            """).param(id).query(ImportFinished.class).single());
        }
    }

    @Transactional
    void endExport(UUID id, String status, int rows, @Nullable String failure, @Nullable OffsetDateTime expiresAt) {
        exports.finish(id, status, rows, failure, expiresAt);
        jdbc.sql(
                        "SELECT org_id, created_by AS member_id, id AS job_id, format, status, rows FROM export_job WHERE id = ?")
                .param(id)
                .query(ExportFinished.class)
                .optional()
                .ifPresent(events::publishEvent);
    }
}
