package io.liaison.contact;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Another member follows the contact now. */
public record ContactOwnerChanged(
        UUID orgId,
        @Nullable UUID actorId,
        UUID contactId,
        Map<String, @Nullable Object> before,
        Map<String, @Nullable Object> after)
        implements AuditableEvent {

    @Override
    public String action() {
        return "contact.owner-changed";
    }

    @Override
    public String targetType() {
        return "contact";
    }

    @Override
    public UUID targetId() {
        return contactId;
    }
}
