package io.liaison.push.core;

import io.liaison.channel.DeliveryEnded;
import io.liaison.contact.ContactPurged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What other modules tell a push: a delivery reached its end in the delivery module (its recipient's
 * state follows); a contact was purged from the trash (its recipient rows keep their states for the
 * push's figures, but no longer its address).
 */
@Component
class PushOutcomes {

    private final RecipientRepository recipients;
    private final RecipientEnds ends;

    PushOutcomes(RecipientRepository recipients, RecipientEnds ends) {
        this.recipients = recipients;
        this.ends = ends;
    }

    @ApplicationModuleListener
    void on(DeliveryEnded event) {
        if (PushHandover.MODULE.equals(event.origin().module())
                && event.origin().sourceId() != null) {
            ends.delivered(event.orgId(), event.origin().sourceId(), event.state(), event.reason());
        }
    }

    @ApplicationModuleListener
    void on(ContactPurged event) {
        recipients.forget(event.orgId(), event.contactId());
    }
}
