package io.liaison.chat.file;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes files uploaded but never carried by a message once they are older than {@code
 * LIAISON_CHAT_UNATTACHED_FILE_RETENTION} (a day by default), giving their bytes back to their
 * organization's storage; their content goes from the disk when no other file, of any organization,
 * has the same bytes. A db-scheduler job, hourly, so it runs on one node at a time.
 */
@Configuration(proxyBeanMethods = false)
class UnattachedFiles {

    private static final Logger log = LoggerFactory.getLogger(UnattachedFiles.class);
    static final String TASK = "chat-unattached-files";
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final FileRepository files;
    private final BlobStore blobs;
    private final Duration retention;

    UnattachedFiles(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            FileRepository files,
            BlobStore blobs,
            FileSettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.files = files;
        this.blobs = blobs;
        this.retention = settings.unattachedFileRetention();
    }

    @Bean
    RecurringTask<Void> unattachedFilesTask() {
        return Tasks.recurring(TASK, FixedDelay.of(INTERVAL)).execute((instance, context) -> clean());
    }

    private record Deleted(UUID orgId, String sha256, long size) {}

    /** Deletes every unattached file past the retention; answers how many. */
    int clean() {
        int total = 0;
        List<Deleted> batch;
        do {
            batch = Objects.requireNonNull(transaction.execute(status -> deleteBatch()));
            batch.stream().map(Deleted::sha256).distinct().forEach(this::deleteContentIfUnused);
            total += batch.size();
        } while (batch.size() == BATCH);
        if (total > 0) {
            log.info("Deleted {} chat file(s) no message carried after {}", total, retention);
        }
        return total;
    }

    /** A batch of rows, skipping those a message being posted holds (see {@link FileRepository#markAttached}). */
    private List<Deleted> deleteBatch() {
        List<Deleted> deleted = jdbc.sql("""
                        DELETE FROM chat_file WHERE (org_id, id) IN (
                            SELECT org_id, id FROM chat_file
                             WHERE attached_at IS NULL AND created_at < now() - make_interval(secs => ?)
                             ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING org_id, sha256, size
                        """)
                .params(retention.toSeconds(), BATCH)
                .query(Deleted.class)
                .list();
        if (deleted.isEmpty()) {
            return deleted;
        }
        jdbc.sql("""
                        UPDATE chat_file_usage u SET bytes = greatest(u.bytes - d.bytes, 0)
                          FROM (SELECT org_id, sum(bytes) AS bytes FROM unnest(?::uuid[], ?::bigint[]) AS f(org_id, bytes)
                                 GROUP BY org_id) d
                         WHERE u.org_id = d.org_id
                        """)
                .params(
                        deleted.stream().map(Deleted::orgId).toArray(UUID[]::new),
                        deleted.stream().map(Deleted::size).toArray(Long[]::new))
                .update();
        return deleted;
    }

    /** Under the content's lock, which an upload of the same bytes takes too. */
    private void deleteContentIfUnused(String sha256) {
        transaction.executeWithoutResult(status -> {
            files.lockContent(sha256);
            boolean used = jdbc.sql("SELECT EXISTS (SELECT 1 FROM chat_file WHERE sha256 = ?)")
                    .params(sha256)
                    .query(Boolean.class)
                    .single();
            if (!used) {
                try {
                    blobs.delete(sha256);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
