package io.liaison.analytics.report;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.liaison.shared.database.BatchDelete;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Daily: deletes kept medians computed more than 30 days ago ({@link Medians}). One still viewed is
 * computed again on its next view; those of member sets no viewer covers any more (after a change of
 * departments) go. In batches, each its own statement, so that a large backlog holds no long lock.
 */
@Configuration(proxyBeanMethods = false)
class MedianCleanup {

    private final JdbcClient jdbc;

    MedianCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Bean
    RecurringTask<Void> medianCleanupTask() {
        return Tasks.recurring("analytics-median-cleanup", FixedDelay.ofHours(24))
                .execute((instance, context) -> clean());
    }

    int clean() {
        return BatchDelete.untilDone(jdbc, """
                DELETE FROM analytics_median WHERE (org_id, scope, unit, period) IN (
                    SELECT org_id, scope, unit, period FROM analytics_median
                     WHERE computed_at < now() - interval '30 days' LIMIT ?)
                """);
    }
}
