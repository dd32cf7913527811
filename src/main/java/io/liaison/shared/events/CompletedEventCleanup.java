package io.liaison.shared.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.liaison.shared.database.BatchDelete;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Daily: deletes the publications of the outbox that were finished more than {@code keep-completed} ago
 * (7 days). Modulith keeps a finished one as a row (completion mode {@code update}), one per listener and
 * event, so the table would otherwise grow with every change for good. In batches, each its own
 * statement, so that a large backlog holds no long lock; unfinished ones stay whatever their age.
 */
@Configuration(proxyBeanMethods = false)
class CompletedEventCleanup {

    private final JdbcClient jdbc;
    private final EventsProperties settings;

    CompletedEventCleanup(JdbcClient jdbc, EventsProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Bean
    RecurringTask<Void> completedEventCleanupTask() {
        return Tasks.recurring("completed-event-cleanup", FixedDelay.ofHours(24))
                .execute((instance, context) -> clean());
    }

    /** Deletes the finished publications older than the retention; how many. */
    int clean() {
        return BatchDelete.untilDone(jdbc, """
                DELETE FROM event_publication WHERE id IN (
                    SELECT id FROM event_publication WHERE completion_date < now() - make_interval(secs => ?) LIMIT ?)
                """, settings.keepCompleted().toSeconds());
    }
}
