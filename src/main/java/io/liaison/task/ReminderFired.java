package io.liaison.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A reminder told its member about its subject (a task, an event): published in the transaction that
 * raised the notification, once. {@code fireAt} is when it was planned, {@code firedAt} when it fired.
 */
public record ReminderFired(
        UUID orgId,
        UUID reminderId,
        String subjectKind,
        UUID subjectId,
        UUID memberId,
        Instant fireAt,
        Instant firedAt) {}
