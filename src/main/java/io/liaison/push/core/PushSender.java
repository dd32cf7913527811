package io.liaison.push.core;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.liaison.channel.Deliveries;
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

    private static final int WITHDRAW_BATCH = 1_000;

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
    private final Deliveries deliveries;
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
            Deliveries deliveries,
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
        this.deliveries = deliveries;
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

    /**
     * Cancels the push (locked by the caller): what is queued here is skipped, and so is what still
     * waits in the delivery queue (withdrawn from it); what is being sent or has ended stays as it is.
     */
    void cancel(UUID orgId, Push push, @Nullable UUID by, @Nullable String reason) {
        int skipped = recipients.skipQueued(orgId, push.id(), "cancelled") + withdraw(orgId, push.id());
        pushes.cancel(orgId, push.id(), by, reason);
        events.publishEvent(new PushCancelled(orgId, by, push.id(), push.state(), skipped, reason));
    }

    /** A push being sent: by whom, in its organization's zone and language. */
    private record Sending(Push push, Actor sender, ZoneId zone, Locale language) {}

    /** Withdraws the push's messages still waiting in the delivery queue, a thousand at a time; answers how many. */
    private int withdraw(UUID orgId, UUID pushId) {
        int skipped = 0;
        UUID after = null;
        while (true) {
            List<UUID> ids = recipients.sendingIds(orgId, pushId, after, WITHDRAW_BATCH);
            if (ids.isEmpty()) {
                return skipped;
            }
            List<UUID> withdrawn = deliveries.withdraw(orgId, PushHandover.MODULE, ids);
            skipped += recipients.skip(orgId, pushId, withdrawn, "cancelled");
            after = ids.get(ids.size() - 1);
        }
    }

    /** The task's work: writes the recipients if they are not yet, then hands them over batch by batch. */
    void run(UUID orgId, UUID pushId) {
        Sending sending = transactions.execute(status -> resolve(orgId, pushId));
        if (sending == null) {
            return;
        }
        while (Boolean.TRUE.equals(
                transactions.execute(status -> batch(orgId, pushId, sending.zone(), sending.language())))) {
            // each batch in its own transaction
        }
        handover.conversations(orgId, sending.push(), sending.sender(), pushes);
        transactions.executeWithoutResult(status -> finish(orgId, pushId));
    }

    /** The push to send and as whom, once its recipients are written; null when there is nothing to send. */
    private @Nullable Sending resolve(UUID orgId, UUID pushId) {
        Push push = pushes.lock(orgId, pushId).orElse(null);
        if (push == null
                || !(push.state().equals(Push.SCHEDULED) || push.state().equals(Push.SENDING))) {
            return null;
        }
        Actor sender = members.actor(push.createdBy())
                .filter(a -> a.can(PushPermissions.SEND))
                .orElse(null);
        if (sender == null) {
            cancel(orgId, push, null, "sender-inactive");
            return null;
        }
        Organization organization = organizations.mine(sender);
        ZoneId zone = ZoneId.of(organization.timeZone());
        if (push.state().equals(Push.SCHEDULED)) {
            audiences.lockCaps(orgId);
            Caps caps = Caps.of(settings.get(orgId), Instant.now(), zone);
            audiences.insert(sender, pushId, Ids.newId(), push.audience(), caps);
            recipients.insertTargets(
                    orgId,
                    pushId,
                    push.audience().conversationIds(),
                    push.audience().channelIds());
            pushes.sending(orgId, pushId, recipients.count(orgId, pushId));
        }
        return new Sending(push, sender, zone, Locale.forLanguageTag(organization.locale()));
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
