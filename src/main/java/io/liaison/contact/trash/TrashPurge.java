package io.liaison.contact.trash;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.liaison.contact.ContactMerging;
import io.liaison.contact.ContactPurged;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges contacts that have been in the trash longer than {@code LIAISON_TRASH_RETENTION}: their
 * rows, e-mails, follow-ups and timeline go for good (the cascade of the schema). A contact merged
 * away into another stays until its merge can no longer be undone, however short the retention. A db-scheduler job
 * ({@code LIAISON_TRASH_PURGE_INTERVAL} after its last run, hourly by default), so it runs on one node
 * at a time; each batch is one transaction.
 */
@Configuration(proxyBeanMethods = false)
class TrashPurge {

    private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Duration retention;
    private final Duration interval;

    TrashPurge(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            TrashSettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.retention = settings.retention();
        this.interval = settings.purgeInterval();
    }

    @Bean
    RecurringTask<Void> trashPurgeTask() {
        return Tasks.recurring("contact-trash-purge", FixedDelay.of(interval)).execute((instance, context) -> purge());
    }

    /** Purges every expired contact; answers how many. */
    int purge() {
        int total = 0;
        int purged;
        do {
            purged = transaction.execute(status -> purgeBatch());
            total += purged;
        } while (purged == BATCH);
        if (total > 0) {
            log.info("Purged {} contact(s) from the trash after {}", total, retention);
        }
        return total;
    }

    private int purgeBatch() {
        List<Purged> rows = jdbc.sql("""
                        DELETE FROM contact WHERE (org_id, id) IN (
                            SELECT org_id, id FROM contact
                             WHERE trashed_at < now() - make_interval(secs => ?)
                               AND (merged_into IS NULL OR trashed_at < now() - make_interval(secs => ?))
                             ORDER BY trashed_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING org_id, id
                        """)
                .params(retention.toSeconds(), ContactMerging.UNDO_WINDOW.toSeconds(), BATCH)
                .query(Purged.class)
                .list();
        // Trashed contacts have no search keys (names or words); this keeps it so without a foreign key.
        UUID[] ids = rows.stream().map(Purged::id).toArray(UUID[]::new);
        for (String keys : List.of("contact_search", "contact_word")) {
            jdbc.sql("DELETE FROM " + keys + " WHERE contact_id = ANY (?)")
                    .param(ids)
                    .update();
        }
        rows.forEach(r -> events.publishEvent(new ContactPurged(r.orgId(), r.id())));
        return rows.size();
    }

    record Purged(UUID orgId, UUID id) {}
}
