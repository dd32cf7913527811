package io.liaison.task.reminder;

import io.liaison.shared.LiaisonException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminders a subject (a task, an event: a {@link ReminderSubject} kind) plans for its members.
 * The subject's module replaces its plan whenever its times or people change, in its own transaction,
 * so that a reminder is never told about a change that was rolled back. The reminders fire through
 * {@link ReminderWorker}, exactly once.
 */
@Service
public class Reminders {

    /** The most reminders one subject may plan (its members times the reminders each). */
    public static final int MAX_PER_SUBJECT = 100;

    private final ReminderRepository reminders;
    /** Looked up when used: a subject reads its own records through services that plan reminders. */
    private final ObjectProvider<ReminderSubject> subjects;

    Reminders(ReminderRepository reminders, ObjectProvider<ReminderSubject> subjects) {
        this.reminders = reminders;
        this.subjects = subjects;
    }

    /** A reminder to plan: tell {@code memberId} at {@code fireAt}. */
    public record Planned(UUID memberId, Instant fireAt) {}

    /**
     * Replaces the subject's unfired reminders by these, in the caller's transaction; the fired ones
     * stay. A time already past fires at once; the same member and time twice is one reminder.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(UUID orgId, String subjectKind, UUID subjectId, List<Planned> planned) {
        if (subjects.stream().noneMatch(subject -> subject.kind().equals(subjectKind))) {
            throw new IllegalArgumentException("No reminder subject of kind " + subjectKind);
        }
        List<Planned> distinct = List.copyOf(new LinkedHashSet<>(planned));
        if (distinct.size() > MAX_PER_SUBJECT) {
            throw LiaisonException.tooMany("reminders", MAX_PER_SUBJECT);
        }
        reminders.deleteUnfired(orgId, subjectKind, subjectId);
        reminders.insert(orgId, subjectKind, subjectId, distinct);
    }

    /** Cancels the subject's unfired reminders: {@link #replace} with none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancel(UUID orgId, String subjectKind, UUID subjectId) {
        replace(orgId, subjectKind, subjectId, List.of());
    }
}
