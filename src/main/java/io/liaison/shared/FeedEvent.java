package io.liaison.shared;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event that is not audited but that other systems learn of through the change feed (module {@code
 * integration}), which records it in the transaction that published it. Audited events reach the
 * feed as {@link AuditableEvent}s; this interface lets a module publish to the feed without depending
 * on it.
 */
public interface FeedEvent {

    UUID orgId();

    /** The member who acted, or {@code null} when nobody did or a guest did. */
    @Nullable
    UUID actorId();

    /** What happened, such as {@code message.created}. */
    String action();

    /** The kind of record, such as {@code message}. */
    String targetType();

    UUID targetId();

    /** A few ids and counts that say more; never text that people wrote. */
    Map<String, Object> facts();
}
