package io.liaison.review.handover;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.liaison.chat.ConversationHandOver;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactHandOver;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.review.HandedOver;
import io.liaison.task.TaskHandOver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job of a hand-over ({@value #TASK}, its instance named by the hand-over's id, carrying {@code
 * orgId:id}), run once across nodes by db-scheduler. It goes in batches, each one transaction that
 * moves up to {@value #BATCH} contacts (with, under a filter, the groups and tasks linked to them) and
 * writes the cursor it reached; a node that dies mid-way leaves the job to another, which goes on
 * from that cursor. Without a filter the groups and tasks left are handed over after the contacts.
 */
@Configuration(proxyBeanMethods = false)
class HandOverRunner {

    static final String TASK = "review-handover";
    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(HandOverRunner.class);

    private final HandOverRepository handOvers;
    private final MemberService members;
    private final ContactHandOver contacts;
    private final ConversationHandOver conversations;
    private final TaskHandOver tasks;
    private final HandOverMessages messages;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    HandOverRunner(
            HandOverRepository handOvers,
            MemberService members,
            ContactHandOver contacts,
            ConversationHandOver conversations,
            TaskHandOver tasks,
            HandOverMessages messages,
            TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.handOvers = handOvers;
        this.members = members;
        this.contacts = contacts;
        this.conversations = conversations;
        this.tasks = tasks;
        this.messages = messages;
        this.transaction = transaction;
        this.events = events;
    }

    @Bean
    OneTimeTask<String> handOverTask() {
        return Tasks.oneTime(TASK, String.class).execute((instance, context) -> {
            String[] ids = instance.getData().split(":");
            run(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
        });
    }

    /** Runs the hand-over's batches until it is finished. */
    void run(UUID orgId, UUID id) {
        while (Boolean.TRUE.equals(transaction.execute(status -> batch(orgId, id, BATCH)))) {
            log.debug("Hand-over {} goes on", id);
        }
    }

    /** One batch of at most {@code size} contacts in the caller's transaction; answers whether more are left. */
    boolean batch(UUID orgId, UUID id, int size) {
        Optional<HandOver> locked = handOvers.lock(orgId, id);
        if (locked.isEmpty() || locked.get().finished()) {
            return false;
        }
        HandOver h = locked.get();
        Optional<Actor> actor = members.actor(orgId, h.createdBy());
        if (actor.isEmpty()) {
            log.warn("Hand-over {} stops: the administrator who started it can no longer act", id);
            handOvers.advance(orgId, id, "failed", h.contactCursor(), 0, 0, 0, 0);
            return false;
        }
        return h.phase().equals(HandOver.CONTACTS) ? contactBatch(orgId, actor.get(), h, size) : restBatch(orgId, h);
    }

    private boolean contactBatch(UUID orgId, Actor actor, HandOver h, int size) {
        ContactFilter filter = h.filter() == null ? ContactFilter.none() : h.filter();
        List<UUID> ids = contacts.owned(actor, h.fromMember(), filter, h.contactCursor(), size);
        List<UUID> moved = new ArrayList<>();
        if (h.includes(HandOver.CONTACTS)) {
            for (UUID contact : ids) {
                if (contacts.handOver(actor, contact, h.fromMember(), h.toMember())) {
                    moved.add(contact);
                }
            }
        }
        int queued = messages.send(actor, h, moved);
        int groups = 0;
        int open = 0;
        if (h.filter() != null) {
            groups = linked(orgId, h, HandOver.CONVERSATIONS, ids, true);
            open = linked(orgId, h, HandOver.TASKS, ids, false);
        }
        boolean more = ids.size() == size;
        String phase = more ? HandOver.CONTACTS : h.filter() == null ? "rest" : "done";
        UUID cursor = ids.isEmpty() ? h.contactCursor() : ids.get(ids.size() - 1);
        handOvers.advance(orgId, h.id(), phase, cursor, moved.size(), groups, open, queued);
        if (phase.equals("done")) {
            finish(orgId, h);
        }
        return !phase.equals("done");
    }

    private int linked(UUID orgId, HandOver h, String part, List<UUID> contactIds, boolean groups) {
        if (!h.includes(part) || contactIds.isEmpty()) {
            return 0;
        }
        int total = 0;
        int n;
        do {
            n = groups
                    ? conversations.handOver(orgId, h.createdBy(), h.fromMember(), h.toMember(), contactIds, BATCH)
                    : tasks.handOver(orgId, h.createdBy(), h.fromMember(), h.toMember(), contactIds, BATCH);
            total += n;
        } while (n == BATCH);
        return total;
    }

    private boolean restBatch(UUID orgId, HandOver h) {
        int groups = h.includes(HandOver.CONVERSATIONS)
                ? conversations.handOver(orgId, h.createdBy(), h.fromMember(), h.toMember(), null, BATCH)
                : 0;
        int open = h.includes(HandOver.TASKS)
                ? tasks.handOver(orgId, h.createdBy(), h.fromMember(), h.toMember(), null, BATCH)
                : 0;
        boolean more = groups == BATCH || open == BATCH;
        handOvers.advance(orgId, h.id(), more ? "rest" : "done", h.contactCursor(), 0, groups, open, 0);
        if (!more) {
            finish(orgId, h);
        }
        return more;
    }

    private void finish(UUID orgId, HandOver h) {
        HandOver done = handOvers.find(orgId, h.id()).orElseThrow();
        events.publishEvent(new HandedOver(
                orgId,
                h.createdBy(),
                h.fromMember(),
                h.toMember(),
                h.id(),
                done.contacts(),
                done.conversations(),
                done.tasks(),
                done.messages()));
    }
}
