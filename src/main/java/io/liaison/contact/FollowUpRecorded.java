package io.liaison.contact;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member recorded, changed or deleted a follow-up with a contact ({@code action} says which). */
public record FollowUpRecorded(
        UUID orgId,
        @Nullable UUID actorId,
        UUID contactId,
        UUID followUpId,
        String action,
        Map<String, @Nullable Object> before,
        Map<String, @Nullable Object> after)
        implements AuditableEvent {

    @Override
    public String targetType() {
        return "contact";
    }

    @Override
    public UUID targetId() {
        return contactId;
    }
}
