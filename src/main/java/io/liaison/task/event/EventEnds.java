package io.liaison.task.event;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.liaison.contact.ContactActivity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute: a meeting, visit or call that took place is contact with its contacts, so each
 * finished event (not cancelled) moves its contacts' last-contacted time to its end, which resets
 * their stay-in-touch clock. An event is marked touched in the transaction that touches its
 * contacts, so none is missed across crashes and none is done twice; one moved to a later end is
 * touched again then. In batches, oldest end first.
 */
@Configuration(proxyBeanMethods = false)
class EventEnds {

    static final int BATCH = 200;

    private final EventRepository events;
    private final ContactActivity activity;
    private final TransactionTemplate transaction;

    EventEnds(EventRepository events, ContactActivity activity, PlatformTransactionManager transactions) {
        this.events = events;
        this.activity = activity;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Bean
    RecurringTask<Void> eventEndsTask() {
        return Tasks.recurring("task-event-ends", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> touch(Instant.now()));
    }

    /** Touches the contacts of every event that ended by {@code now}; the number of events done. */
    int touch(Instant now) {
        int done = 0;
        int batch;
        do {
            Integer count = transaction.execute(status -> {
                List<EventRepository.Ended> ended = events.endedUntouched(now, BATCH);
                for (EventRepository.Ended event : ended) {
                    for (UUID contact : events.contactIds(event.orgId(), event.id())) {
                        activity.contacted(event.orgId(), contact, event.endAt().atOffset(ZoneOffset.UTC));
                    }
                    events.touched(event.orgId(), event.id());
                }
                return ended.size();
            });
            batch = count == null ? 0 : count;
            done += batch;
        } while (batch == BATCH);
        return done;
    }
}
