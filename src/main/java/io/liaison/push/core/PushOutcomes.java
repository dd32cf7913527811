package io.liaison.push.core;

import io.liaison.channel.DeliveryEnded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A push's delivery reached its end in the delivery module: its recipient's state follows. */
@Component
class PushOutcomes {

    private final RecipientRepository recipients;

    PushOutcomes(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    @ApplicationModuleListener
    void on(DeliveryEnded event) {
        if (PushHandover.MODULE.equals(event.origin().module())
                && event.origin().sourceId() != null) {
            recipients.delivered(event.orgId(), event.origin().sourceId(), event.state(), event.reason());
        }
    }
}
