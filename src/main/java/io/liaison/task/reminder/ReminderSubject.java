package io.liaison.task.reminder;

import io.liaison.notify.NewNotification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a reminder of one kind of subject ("task", "event") says when it fires: a bean per kind,
 * found by {@link #kind()}. {@link #describe} runs in the firing transaction.
 */
public interface ReminderSubject {

    String kind();

    /**
     * The notification for {@code memberId}, or empty when the reminder no longer applies (its subject
     * is done, cancelled, gone, or no longer visible to the member): the reminder is then dropped.
     */
    Optional<NewNotification> describe(UUID orgId, UUID subjectId, UUID memberId, Instant fireAt);

    /** A reminder to describe. */
    record Reminder(UUID orgId, UUID subjectId, UUID memberId, Instant fireAt) {}

    /**
     * {@link #describe} for each of a batch of reminders, in their order: a subject may read what they
     * need at once.
     */
    default List<Optional<NewNotification>> describeAll(List<Reminder> reminders) {
        return reminders.stream()
                .map(r -> describe(r.orgId(), r.subjectId(), r.memberId(), r.fireAt()))
                .toList();
    }
}
