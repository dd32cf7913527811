package io.liaison.push.core;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.Organization;
import io.liaison.identity.OrganizationService;
import io.liaison.push.PushCancelled;
import io.liaison.push.PushPermissions;
import io.liaison.push.PushSent;
import io.liaison.push.audience.Audiences;
import io.liaison.push.audience.Caps;
import io.liaison.push.settings.PushSettingsService;
import io.liaison.shared.Ids;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a push at its time, once across nodes (a db-scheduler task per push, {@link PushTask}): first
 * its recipients are written in one transaction (the contacts with one {@code INSERT ... SELECT} from
 * the sender's visibility, the filter, the caps and the opt-outs, serialised per organization so that
 * two pushes never both pass a cap); then they are handed over in batches, each batch one transaction
 * that writes its deliveries and marks them, so that a node dying mid-send loses and repeats nothing.
 * A cancel between two batches leaves the rest skipped.
 */
@Component
public class PushSender {

    private final PushRepository pushes;
    private final RecipientRepository recipients;
    private final Audiences audiences;
    private final PushSettingsService settings;
    private final OrganizationService organizations;
    private final MemberService members;
    private final PushHandover handover;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final int batchSize;

    PushSender(
            PushRepository pushes,
            RecipientRepository recipients,
            Audiences audiences,
            PushSettingsService settings,
            OrganizationService organizations,
            MemberService members,
            PushHandover handover,
            ObjectProvider<SchedulerClient> scheduler,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            PushProperties properties) {
        this.pushes = pushes;
        this.recipients = recipients;
        this.audiences = audiences;
        this.settings = settings;
        this.organizations = organizations;
        this.members = members;
        this.handover = handover;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.events = events;
        this.batchSize = properties.batchSize();
    }

    /**
     * Plans the push's sending at {@code at}, in the caller's transaction. A push due now starts once
     * that transaction commits: the scheduler looks for due work when a task is scheduled, which is
     * before the commit and so finds nothing, and would otherwise wait for its next poll (10 s).
     */
    void schedule(UUID orgId, UUID pushId, Instant at) {
        scheduler.ifAvailable(s -> {
            s.scheduleIfNotExists(new TaskInstance<>(PushTask.NAME, pushId.toString(), orgId + ":" + pushId), at);
            if (s instanceof Scheduler local
                    && !at.isAfter(Instant.now())
                    && TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        local.triggerCheckForDueExecutions();
                    }
                });
            }
        });
    }

    /** Cancels the push (locked by the caller): what is queued is skipped, the rest stays as it is. */
    void cancel(UUID orgId, Push push, @Nullable UUID by, @Nullable String reason) {
        int skipped = recipients.skipQueued(orgId, push.id(), "cancelled");
        pushes.cancel(orgId, push.id(), by, reason);
        events.publishEvent(new PushCancelled(orgId, by, push.id(), push.state(), skipped, reason));
    }

    /** The task's work: writes the recipients if they are not yet, then hands them over batch by batch. */
    void run(UUID orgId, UUID pushId) {
        Optional<Actor> sender = transactions.execute(status -> resolve(orgId, pushId));
        if (sender == null || sender.isEmpty()) {
            return;
        }
        Organization organization = organizations.mine(sender.get());
        ZoneId zone = ZoneId.of(organization.timeZone());
        Locale language = Locale.forLanguageTag(organization.locale());
        while (Boolean.TRUE.equals(transactions.execute(status -> batch(orgId, pushId, zone, language)))) {
            // each batch in its own transaction
        }
        handover.conversations(orgId, pushId, sender.get(), pushes);
        transactions.executeWithoutResult(status -> finish(orgId, pushId));
    }

    /** The sender to send as, once the recipients are written; empty when there is nothing to send. */
    private Optional<Actor> resolve(UUID orgId, UUID pushId) {
        Push push = pushes.lock(orgId, pushId).orElse(null);
        if (push == null
                || !(push.state().equals(Push.SCHEDULED) || push.state().equals(Push.SENDING))) {
            return Optional.empty();
        }
        Optional<Actor> sender = members.actor(push.createdBy()).filter(a -> a.can(PushPermissions.SEND));
        if (sender.isEmpty()) {
            cancel(orgId, push, null, "sender-inactive");
            return Optional.empty();
        }
        if (push.state().equals(Push.SCHEDULED)) {
            Actor actor = sender.get();
            audiences.lockCaps(orgId);
            ZoneId zone = ZoneId.of(organizations.mine(actor).timeZone());
            Caps caps = Caps.of(settings.get(orgId), Instant.now(), zone);
            audiences.insert(actor, pushId, Ids.newId(), push.audience(), caps);
            recipients.insertTargets(
                    orgId,
                    pushId,
                    push.audience().conversationIds(),
                    push.audience().channelIds());
            pushes.sending(orgId, pushId, recipients.count(orgId, pushId));
        }
        return sender;
    }

    /** Hands over one batch of e-mails and robots; false when none is left or the push was cancelled. */
    private boolean batch(UUID orgId, UUID pushId, ZoneId zone, Locale language) {
        Push push = pushes.find(orgId, pushId).orElse(null);
        if (push == null || !push.state().equals(Push.SENDING)) {
            return false;
        }
        List<RecipientRepository.Due> due = recipients.dueMessages(orgId, pushId, batchSize);
        if (due.isEmpty()) {
            return false;
        }
        handover.messages(orgId, push, zone, language, due);
        return true;
    }

    private void finish(UUID orgId, UUID pushId) {
        Push push = pushes.lock(orgId, pushId).orElse(null);
        if (push != null && push.state().equals(Push.SENDING)) {
            pushes.done(orgId, pushId);
            events.publishEvent(new PushSent(orgId, pushId, push.createdBy(), pushes.counts(orgId, pushId)));
        }
    }
}
