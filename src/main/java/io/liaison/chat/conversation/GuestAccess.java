package io.liaison.chat.conversation;

import io.liaison.contact.ContactTrashed;
import io.liaison.identity.Guests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A contact sent to the trash loses their guest access at once: their guest account is disabled,
 * their open invitations withdrawn and their sessions ended on every node. Restoring the contact
 * does not reopen it; a new invitation does. Runs after the trashing commits, from the outbox, so a
 * node dying in between ends the access on the next start rather than never. The chat socket closes
 * their open sockets when this transaction commits ({@link GuestAccessEnded}).
 */
@Component
class GuestAccess {

    private final Guests guests;
    private final ApplicationEventPublisher events;

    GuestAccess(Guests guests, ApplicationEventPublisher events) {
        this.guests = guests;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(ContactTrashed event) {
        guests.endAccess(event.orgId(), event.contactId());
        events.publishEvent(new GuestAccessEnded(event.orgId(), event.contactId()));
    }
}
