package io.liaison.task.event;

import io.liaison.channel.Attachment;
import io.liaison.channel.Channels;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.contact.ContactAddresses;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.Organization;
import io.liaison.identity.OrganizationService;
import io.liaison.shared.LiaisonProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails that tell an event's contacts of it, when the server has SMTP settings: each contact
 * with an e-mail address gets its own message (no contact sees another's address) with an {@code
 * invite.ics} that calendar programs add, update and remove by its UID: a REQUEST when invited or
 * when the time, place or title moves (with the higher sequence), a CANCEL when the event is called
 * off or the contact taken off it. Queued as deliveries in the change's transaction, in the
 * organization's language. The member sees the contact's name only, never the address the server
 * used, so that a masked address stays masked.
 */
@Component
class EventInvitations {

    static final String ORIGIN = "task";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Channels channels;
    private final Deliveries deliveries;
    private final ContactAddresses addresses;
    private final MemberService members;
    private final OrganizationService organizations;
    private final MessageSource messages;
    private final String host;

    EventInvitations(
            Channels channels,
            Deliveries deliveries,
            ContactAddresses addresses,
            MemberService members,
            OrganizationService organizations,
            MessageSource messages,
            LiaisonProperties properties) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.members = members;
        this.organizations = organizations;
        this.messages = messages;
        String base = URI.create(properties.baseUrl()).getHost();
        this.host = base == null ? "localhost" : base;
    }

    /** The host that names this server in UIDs and in an organizer without an address of their own. */
    String host() {
        return host;
    }

    /** Tells the event's contacts what changed from {@code before} ({@code null}: it is new) to {@code after}. */
    void changed(Actor actor, @Nullable CalendarEvent before, CalendarEvent after) {
        if (!channels.emailConfigured()) {
            return;
        }
        boolean moved = before == null || before.sequence() != after.sequence();
        List<UUID> told = new ArrayList<>();
        for (UUID contact : after.contactIds()) {
            if (after.cancelled() || moved || !before.contactIds().contains(contact)) {
                told.add(contact);
            }
        }
        List<UUID> removed = before == null || after.cancelled()
                ? List.of()
                : before.contactIds().stream()
                        .filter(c -> !after.contactIds().contains(c))
                        .toList();
        if (told.isEmpty() && removed.isEmpty()) {
            return;
        }
        List<UUID> all = new ArrayList<>(told);
        all.addAll(removed);
        Map<UUID, ContactAddresses.Addressee> found = addresses.firstEmails(actor.orgId(), all);
        EventIcs.Person organizer = organizer(actor, after);
        Organization organization = organizations.get(actor.orgId());
        Instant stamp = Instant.now();
        for (UUID contact : told) {
            ContactAddresses.Addressee to = found.get(contact);
            if (to != null) {
                send(actor.orgId(), organization, after, before == null, organizer, to, stamp);
            }
        }
        CalendarEvent called = after.told(after.sequence(), "cancelled");
        for (UUID contact : removed) {
            ContactAddresses.Addressee to = found.get(contact);
            if (to != null) {
                send(actor.orgId(), organization, called, false, organizer, to, stamp);
            }
        }
    }

    private void send(
            UUID orgId,
            Organization organization,
            CalendarEvent event,
            boolean first,
            EventIcs.Person organizer,
            ContactAddresses.Addressee to,
            Instant stamp) {
        String ics = EventIcs.invitation(event, organizer, new EventIcs.Person(to.name(), to.email()), stamp);
        String method = event.cancelled() ? "CANCEL" : "REQUEST";
        Attachment file = new Attachment(
                event.cancelled() ? "cancel.ics" : "invite.ics",
                "text/calendar; method=" + method + "; charset=UTF-8",
                ics.getBytes(StandardCharsets.UTF_8));
        Locale locale = Locale.forLanguageTag(organization.locale());
        String subjectKey = event.cancelled()
                ? "calendar.invite.subject.cancelled"
                : first ? "calendar.invite.subject.new" : "calendar.invite.subject.updated";
        String subject = messages.getMessage(subjectKey, new Object[] {event.title()}, locale);
        ZoneId zone = ZoneId.of(event.timeZone());
        String when = event.allDay()
                ? DAY.format(event.startAt().atZone(zone))
                : WHEN.format(event.startAt().atZone(zone)) + " – "
                        + WHEN.format(event.endAt().atZone(zone)) + " (" + event.timeZone() + ")";
        StringBuilder body = new StringBuilder(messages.getMessage(
                event.cancelled() ? "calendar.invite.body.cancelled" : "calendar.invite.body",
                new Object[] {to.name(), organizer.name(), event.title(), when, organization.name()},
                locale));
        if (event.place() != null) {
            body.append("\n")
                    .append(messages.getMessage("calendar.invite.place", new Object[] {event.place()}, locale));
        }
        if (event.description() != null) {
            body.append("\n\n").append(event.description());
        }
        OutboundMessage message = OutboundMessage.of(subject, body.toString()).withAttachment(file);
        if (event.link() != null) {
            message = message.withLink(event.link());
        }
        deliveries.queue(
                orgId, Destination.email(to.email()), message, new DeliveryOrigin(ORIGIN, event.id(), false), null);
    }

    /** The organizer is the event's maker, by their own address when they have one, else this server's. */
    private EventIcs.Person organizer(Actor actor, CalendarEvent event) {
        String email = members.get(actor, event.createdBy()).email();
        return new EventIcs.Person(event.createdByName(), email == null ? "noreply@" + host : email);
    }
}
