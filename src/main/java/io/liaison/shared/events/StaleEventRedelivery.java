package io.liaison.shared.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers again, on a living cluster, the module reactions that no node finished: those of a node that
 * died between committing a change and finishing the reactions to it (a push recipient would stay
 * "sending"), and those whose listener failed. Without it they waited for the next start of a node
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 *
 * <p>A recurring db-scheduler task, so one node at a time. It marks failed, as Modulith's own staleness
 * check would, at most {@code batch} publications unfinished for longer than {@code after} (twice as long
 * after each redelivery, at most {@code attempts} redeliveries), in a transaction of its own; then Modulith
 * resubmits exactly those: it claims each ({@code RESUBMITTED}, {@code completion_attempts} + 1, {@code
 * last_resubmission_date}) and calls its listener again on this node. A publication still being worked
 * on by a slow node may so be delivered twice: the listeners bear that (see {@code io.liaison.shared}).
 *
 * <p>Modulith 2.0.3 picks them from every unfinished publication it reads, as at a node's start: its
 * resubmission of failed ones reads only the first hundred, which older failures past their last attempt
 * would fill for good.
 */
@Configuration(proxyBeanMethods = false)
class StaleEventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(StaleEventRedelivery.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IncompleteEventPublications publications;
    private final EventsProperties.Redelivery settings;

    StaleEventRedelivery(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            IncompleteEventPublications publications,
            EventsProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publications = publications;
        this.settings = properties.redelivery();
    }

    @Bean
    RecurringTask<Void> staleEventRedeliveryTask() {
        return Tasks.recurring("stale-event-redelivery", FixedDelay.of(settings.interval()))
                .execute((instance, context) -> redeliver());
    }

    /** Claims the stale publications and delivers them again; how many. */
    int redeliver() {
        List<UUID> claimed = transactions.execute(status -> jdbc.sql("""
                        UPDATE event_publication SET status = 'FAILED'
                         WHERE id IN (SELECT id FROM event_publication
                                       WHERE completion_date IS NULL
                                         AND coalesce(completion_attempts, 0) < ?
                                         AND coalesce(last_resubmission_date, publication_date)
                                             < now() - make_interval(secs => ? * 2 ^ coalesce(completion_attempts, 0))
                                       ORDER BY publication_date
                                       LIMIT ?
                                         FOR UPDATE SKIP LOCKED)
                        RETURNING id, listener_id, coalesce(completion_attempts, 0) + 1
                        """)
                .params(settings.attempts(), settings.after().toSeconds(), settings.batch())
                .query((rs, n) -> {
                    int attempt = rs.getInt(3);
                    (attempt == settings.attempts() ? log.atWarn() : log.atInfo())
                            .log(
                                    "Delivering event publication {} to {} again (attempt {} of {})",
                                    rs.getObject(1),
                                    rs.getString(2),
                                    attempt,
                                    settings.attempts());
                    return rs.getObject(1, UUID.class);
                })
                .list());
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        Set<UUID> ids = Set.copyOf(claimed);
        publications.resubmitIncompletePublications(p -> ids.contains(p.getIdentifier()));
        return ids.size();
    }
}
