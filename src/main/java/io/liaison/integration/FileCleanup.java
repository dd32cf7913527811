package io.liaison.integration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hourly: deletes uploads never imported and the files of finished imports once {@code
 * LIAISON_IMPORTS_KEEP_FILES} has passed, finished imports with their problem rows after 30 days,
 * and the files of exports past their expiry.
 */
@Configuration(proxyBeanMethods = false)
class FileCleanup {

    static final Duration KEEP_JOBS = Duration.ofDays(30);

    private final ImportJobRepository jobs;
    private final ImportUploads uploads;
    private final ImportFiles files;
    private final ExportJobRepository exports;
    private final ExportRunner exportRunner;
    private final Duration keepFiles;

    FileCleanup(
            ImportJobRepository jobs,
            ImportUploads uploads,
            ImportFiles files,
            ExportJobRepository exports,
            ExportRunner exportRunner,
            ImportSettings settings) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.files = files;
        this.exports = exports;
        this.exportRunner = exportRunner;
        this.keepFiles = settings.keepFiles();
    }

    @Bean
    RecurringTask<Void> importCleanupTask() {
        return Tasks.recurring("contact-import-cleanup", FixedDelay.ofHours(1))
                .execute((instance, context) -> clean(OffsetDateTime.now()));
    }

    void clean(OffsetDateTime now) {
        uploads.expire(now.minus(keepFiles)).forEach(files::delete);
        jobs.finishedBefore(now.minus(keepFiles)).forEach(files::delete);
        for (UUID id : jobs.finishedBefore(now.minus(KEEP_JOBS))) {
            jobs.delete(id);
        }
        for (UUID id : exports.expire(now)) {
            try {
                Files.deleteIfExists(exportRunner.file(id));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
