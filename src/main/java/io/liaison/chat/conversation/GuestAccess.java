package io.liaison.chat.conversation;

import io.liaison.contact.ContactTrashed;
import io.liaison.identity.GuestJoined;
import io.liaison.identity.Guests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Guests coming into groups and going out of all of them. A guest who accepts an invitation becomes
 * a participant of its group (an existing guest account invited into a second group too). A contact
 * sent to the trash loses their guest access at once: they are taken out of every group, their guest
 * account is disabled, their open invitations withdrawn and their sessions ended on every node.
 * Restoring the contact does not reopen it; a new invitation does. Both run after the commit, from
 * the outbox, so work a dying node left is finished by a living node (after ten minutes) or the next
 * start rather than never.
 * The chat socket closes the guest's open sockets when the trashing's work commits ({@link
 * GuestAccessEnded}).
 */
@Component
class GuestAccess {

    private final Guests guests;
    private final ParticipantService participants;
    private final ApplicationEventPublisher events;

    GuestAccess(Guests guests, ParticipantService participants, ApplicationEventPublisher events) {
        this.guests = guests;
        this.participants = participants;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(GuestJoined event) {
        participants.join(event.orgId(), event.scopeId(), event.guestId());
    }

    @ApplicationModuleListener
    void on(ContactTrashed event) {
        guests.ofContact(event.orgId(), event.contactId())
                .ifPresent(guest -> participants.removeEverywhere(event.orgId(), guest.id()));
        guests.endAccess(event.orgId(), event.contactId());
        events.publishEvent(new GuestAccessEnded(event.orgId(), event.contactId()));
    }
}
