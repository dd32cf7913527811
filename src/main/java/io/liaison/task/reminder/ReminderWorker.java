package io.liaison.task.reminder;

import io.liaison.notify.NewNotification;
import io.liaison.notify.Notifications;
import io.liaison.task.ReminderFired;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due reminders. A batch is one transaction: claim up to {@link #BATCH} due unfired reminders
 * with {@code SKIP LOCKED} (so that workers on any nodes take disjoint rows), have each one's subject
 * say what it is about and raise those notifications together, then mark them all fired, and publish {@link
 * ReminderFired} for those that told their member. A node that dies in the middle leaves its batch
 * unfired and unlocked for the next claim: a reminder is told once. A reminder that fails is recorded
 * as failed without taking the batch with it (see {@link #fireDue}).
 */
class ReminderWorker {

    static final int BATCH = 100;
    /** How long an idle worker waits at most before looking again: the delay of a reminder planned for now. */
    static final Duration IDLE = Duration.ofMillis(500);

    static final String NOTIFIED = "notified";
    static final String DROPPED = "dropped";
    static final String FAILED = "failed";
    static final String NO_LONGER_APPLIES = "no-longer-applies";
    static final String UNKNOWN_KIND = "unknown-subject-kind";

    private static final Logger log = LoggerFactory.getLogger(ReminderWorker.class);

    private final ReminderRepository reminders;
    private final Map<String, ReminderSubject> subjects;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;

    ReminderWorker(
            ReminderRepository reminders,
            Map<String, ReminderSubject> subjects,
            Notifications notifications,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.reminders = reminders;
        this.subjects = subjects;
        this.notifications = notifications;
        this.events = events;
        this.batch = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Fires due reminders until {@code budget} is spent or {@code stopping} (the node shuts down), waiting
     * for the next when none is due; how many it claimed.
     */
    int drain(Duration budget, BooleanSupplier stopping) {
        Instant stop = Instant.now().plus(budget);
        int fired = 0;
        while (Instant.now().isBefore(stop) && !stopping.getAsBoolean()) {
            int claimed = fireDue();
            fired += claimed;
            if (claimed < BATCH && !pause(stop)) {
                break;
            }
        }
        return fired;
    }

    /**
     * Claims and fires one batch of due reminders; how many it claimed. A batch whose reminder fails is
     * rolled back whole and claimed again with each reminder in a savepoint, which costs two statements
     * a reminder and so is kept for the batches that need it.
     */
    int fireDue() {
        try {
            return fireBatch(false);
        } catch (RuntimeException e) {
            log.warn("A batch of reminders failed; firing it again one savepoint a reminder", e);
            return fireBatch(true);
        }
    }

    private int fireBatch(boolean isolated) {
        Integer claimed = batch.execute(status -> {
            List<ReminderRepository.Due> due = reminders.claimDue(BATCH);
            List<ReminderRepository.Outcome> outcomes = isolated ? fireEach(due) : fireAll(due);
            Instant firedAt = Instant.now();
            reminders.markFired(outcomes, firedAt);
            for (ReminderRepository.Outcome outcome : outcomes) {
                if (outcome.outcome().equals(NOTIFIED)) {
                    ReminderRepository.Due r = outcome.reminder();
                    events.publishEvent(new ReminderFired(
                            r.orgId(), r.id(), r.subjectKind(), r.subjectId(), r.memberId(), r.fireAt(), firedAt));
                }
            }
            return due.size();
        });
        return claimed == null ? 0 : claimed;
    }

    /** Describes the reminders, each kind's at once, then raises all their notifications at once. */
    private List<ReminderRepository.Outcome> fireAll(List<ReminderRepository.Due> due) {
        Map<String, List<Integer>> byKind = new HashMap<>();
        for (int i = 0; i < due.size(); i++) {
            byKind.computeIfAbsent(due.get(i).subjectKind(), k -> new ArrayList<>())
                    .add(i);
        }
        List<Optional<NewNotification>> described = new ArrayList<>(Collections.nCopies(due.size(), Optional.empty()));
        byKind.forEach((kind, indexes) -> {
            ReminderSubject subject = subjects.get(kind);
            if (subject != null) {
                List<Optional<NewNotification>> said = subject.describeAll(indexes.stream()
                        .map(due::get)
                        .map(r -> new ReminderSubject.Reminder(r.orgId(), r.subjectId(), r.memberId(), r.fireAt()))
                        .toList());
                for (int j = 0; j < indexes.size(); j++) {
                    described.set(indexes.get(j), said.get(j));
                }
            }
        });
        List<ReminderRepository.Outcome> outcomes = new ArrayList<>(due.size());
        List<NewNotification> raised = new ArrayList<>(due.size());
        for (int i = 0; i < due.size(); i++) {
            described.get(i).ifPresent(raised::add);
            outcomes.add(outcome(due.get(i), described.get(i)));
        }
        notifications.raiseAll(raised);
        return outcomes;
    }

    /** Fires each reminder in its own savepoint. */
    private List<ReminderRepository.Outcome> fireEach(List<ReminderRepository.Due> due) {
        List<ReminderRepository.Outcome> outcomes = new ArrayList<>(due.size());
        for (ReminderRepository.Due reminder : due) {
            outcomes.add(isolated(reminder));
        }
        return outcomes;
    }

    private ReminderRepository.Outcome fire(ReminderRepository.Due reminder) {
        Optional<NewNotification> notification = describe(reminder);
        notification.ifPresent(notifications::raise);
        return outcome(reminder, notification);
    }

    /** What the reminder's subject says, or empty when its kind is unknown or it no longer applies. */
    private Optional<NewNotification> describe(ReminderRepository.Due reminder) {
        ReminderSubject subject = subjects.get(reminder.subjectKind());
        return subject == null
                ? Optional.empty()
                : subject.describe(reminder.orgId(), reminder.subjectId(), reminder.memberId(), reminder.fireAt());
    }

    private ReminderRepository.Outcome outcome(
            ReminderRepository.Due reminder, Optional<NewNotification> notification) {
        if (notification.isPresent()) {
            return new ReminderRepository.Outcome(reminder, NOTIFIED, null);
        }
        return subjects.containsKey(reminder.subjectKind())
                ? new ReminderRepository.Outcome(reminder, DROPPED, NO_LONGER_APPLIES)
                : new ReminderRepository.Outcome(reminder, DROPPED, UNKNOWN_KIND);
    }

    /** {@link #fire} in a savepoint: a reminder that fails is recorded as failed, with its reason. */
    private ReminderRepository.Outcome isolated(ReminderRepository.Due reminder) {
        try {
            return savepoint.execute(status -> fire(reminder));
        } catch (RuntimeException e) {
            log.error("Reminder {} of {} {} failed", reminder.id(), reminder.subjectKind(), reminder.subjectId(), e);
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new ReminderRepository.Outcome(
                    reminder, FAILED, reason.substring(0, Math.min(200, reason.length())));
        }
    }

    /** Waits until the next reminder is due, at most {@link #IDLE} and not past {@code stop}; false when interrupted. */
    private boolean pause(Instant stop) {
        Instant now = Instant.now();
        Instant until = now.plus(IDLE);
        Optional<Instant> next = reminders.nextDue();
        if (next.isPresent() && next.get().isBefore(until)) {
            until = next.get().isAfter(now) ? next.get() : now.plusMillis(20);
        }
        if (until.isAfter(stop)) {
            until = stop;
        }
        try {
            Thread.sleep(Math.max(1, Duration.between(now, until).toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
