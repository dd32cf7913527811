package io.liaison.contact;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member recorded, changed or deleted a follow-up with a contact ({@code action} says which); {@code
 * before} and {@code after} hold its type and when it happened ({@value #OCCURRED_AT}, an ISO-8601
 * time), so that the days it left and the days it is on are known after it is gone.
 */
public record FollowUpRecorded(
        UUID orgId,
        @Nullable UUID actorId,
        UUID contactId,
        UUID followUpId,
        String action,
        Map<String, @Nullable Object> before,
        Map<String, @Nullable Object> after)
        implements AuditableEvent {

    /** The key of the follow-up's time in {@code before} and {@code after}. */
    public static final String OCCURRED_AT = "occurredAt";

    @Override
    public String targetType() {
        return "contact";
    }

    @Override
    public UUID targetId() {
        return contactId;
    }
}
