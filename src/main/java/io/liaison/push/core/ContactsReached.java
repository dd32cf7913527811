package io.liaison.push.core;

import io.liaison.contact.ContactActivity;
import io.liaison.push.PushRecipientEnded;
import java.time.ZoneOffset;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A push's e-mail that the mail server took is a contact with its contact: it moves the contact's
 * last-contacted time, as a follow-up does (which resets its stay-in-touch cadence). The channel module
 * sends the e-mail but does not know contacts; the push knows whose address each recipient was.
 */
@Component
class ContactsReached {

    private final ContactActivity contacts;

    ContactsReached(ContactActivity contacts) {
        this.contacts = contacts;
    }

    @ApplicationModuleListener
    void on(PushRecipientEnded event) {
        if ("contact".equals(event.kind()) && "sent".equals(event.state()) && event.contactId() != null) {
            contacts.contacted(event.orgId(), event.contactId(), event.endedAt().atOffset(ZoneOffset.UTC));
        }
    }
}
