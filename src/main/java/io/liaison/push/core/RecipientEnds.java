package io.liaison.push.core;

import io.liaison.push.PushRecipientEnded;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Writes a recipient's end and tells the other modules ({@link PushRecipientEnded}) in the same transaction. */
@Component
class RecipientEnds {

    private final RecipientRepository recipients;
    private final ApplicationEventPublisher events;

    RecipientEnds(RecipientRepository recipients, ApplicationEventPublisher events) {
        this.recipients = recipients;
        this.events = events;
    }

    /** The push's recipient ended here, without a delivery (a group's post, a contact gone). */
    void end(UUID orgId, UUID pushId, UUID recipientId, String state, @Nullable String reason) {
        recipients.end(orgId, pushId, recipientId, state, reason).ifPresent(events::publishEvent);
    }

    /** The recipient's delivery ended; nothing when the recipient had already ended otherwise. */
    void delivered(UUID orgId, UUID recipientId, String state, @Nullable String reason) {
        recipients.delivered(orgId, recipientId, state, reason).ifPresent(events::publishEvent);
    }
}
