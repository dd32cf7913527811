package io.liaison.shared;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event that the audit log records, in the transaction that published it: who did what to which
 * record, with the values before and after (only the fields that changed).
 */
public interface AuditableEvent {

    UUID orgId();

    /** The member who acted, or {@code null} for the system (a scheduled job, first start). */
    @Nullable
    UUID actorId();

    /** What happened, such as {@code member.created} or {@code contact.updated}. */
    String action();

    /** The kind of record, such as {@code member} or {@code contact}. */
    String targetType();

    UUID targetId();

    Map<String, @Nullable Object> before();

    Map<String, @Nullable Object> after();
}
