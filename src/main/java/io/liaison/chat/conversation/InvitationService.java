package io.liaison.chat.conversation;

import io.liaison.access.ContactAccess;
import io.liaison.channel.Channels;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.chat.ChatUser;
import io.liaison.chat.conversation.InvitationRepository.InvitedContact;
import io.liaison.identity.Guest;
import io.liaison.identity.GuestInvitation;
import io.liaison.identity.Guests;
import io.liaison.identity.OpenInvitation;
import io.liaison.identity.Organization;
import io.liaison.identity.OrganizationService;
import io.liaison.shared.LiaisonException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations of external contacts into an external group. Like DingTalk's customer groups, any
 * member in the group invites (not only its owner and admins), a contact they may see; a guest
 * invites only where the group allows it ({@code guestsInvite}), and only the group's linked contacts
 * who are not in it yet. The contact becomes linked to the group. When the contact has an e-mail
 * address and the server can send e-mail, the link is e-mailed in the organization's language;
 * otherwise the inviter copies it. The owner, the admins and whoever made an invitation revoke it.
 */
@Service
public class InvitationService {

    /** The most invitations open at once in one group. */
    public static final int MAX_OPEN = 50;

    private final ConversationService conversations;
    private final ConversationRepository rows;
    private final ParticipantRepository participants;
    private final InvitationRepository contacts;
    private final ContactAccess access;
    private final Guests guests;
    private final Channels channels;
    private final Deliveries deliveries;
    private final OrganizationService organizations;
    private final MessageSource messages;

    InvitationService(
            ConversationService conversations,
            ConversationRepository rows,
            ParticipantRepository participants,
            InvitationRepository contacts,
            ContactAccess access,
            Guests guests,
            Channels channels,
            Deliveries deliveries,
            OrganizationService organizations,
            MessageSource messages) {
        this.conversations = conversations;
        this.rows = rows;
        this.participants = participants;
        this.contacts = contacts;
        this.access = access;
        this.guests = guests;
        this.channels = channels;
        this.deliveries = deliveries;
        this.organizations = organizations;
        this.messages = messages;
    }

    /** A new invitation with its one-time link, and whether the link was e-mailed. */
    public record Invited(GuestInvitation invitation, boolean emailed) {}

    /** An open invitation with the name of the contact it invites. */
    public record Open(OpenInvitation invitation, String contactName) {}

    @Transactional
    public Invited invite(ChatUser user, UUID id, UUID contactId) {
        ConversationRow row = conversations.row(user, id);
        if (!row.kind().equals(ConversationRow.EXTERNAL)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "invitation-external-only");
        }
        if (row.dissolvedAt() != null) {
            throw new LiaisonException(HttpStatus.CONFLICT, "conversation-dissolved");
        }
        if (user.guest()) {
            if (!row.settings().guestsInvite()) {
                throw LiaisonException.forbidden("forbidden.guest-invite");
            }
            if (!rows.contactIds(user.orgId(), id).contains(contactId)) {
                throw LiaisonException.invalid("contactId", "invalid.guest-invite-contact");
            }
        } else if (rows.visibleContacts(
                        List.of(contactId), access.visible(user.asMember("forbidden.guest-invite"), "c"))
                .isEmpty()) {
            throw LiaisonException.invalid("contactId", "invalid.chat-contacts");
        }
        InvitedContact contact = contacts.contact(user.orgId(), contactId)
                .orElseThrow(() -> LiaisonException.invalid("contactId", "invalid.chat-contacts"));
        Optional<Guest> existing = guests.ofContact(user.orgId(), contactId);
        if (existing.isPresent()
                && participants.guest(user.orgId(), id, existing.get().id()).isPresent()) {
            throw new LiaisonException(HttpStatus.CONFLICT, "guest-already-in", contact.name());
        }
        if (guests.openIn(user.orgId(), id, MAX_OPEN).size() >= MAX_OPEN) {
            throw new LiaisonException(HttpStatus.CONFLICT, "too-many-invitations", MAX_OPEN);
        }
        GuestInvitation invitation = guests.invite(user.caller(), contactId, id, contact.email());
        rows.linkContact(user.orgId(), id, contactId);
        boolean emailed = contact.email() != null && channels.emailConfigured();
        if (emailed) {
            deliveries.queue(
                    user.orgId(),
                    Destination.email(contact.email()),
                    mail(user, row, contact, invitation),
                    new DeliveryOrigin("chat", invitation.id(), true),
                    null);
        }
        return new Invited(invitation, emailed);
    }

    /**
     * The group's open invitations, oldest first: all of them for a member in the group, a guest's
     * own for a guest.
     */
    @Transactional(readOnly = true)
    public List<Open> open(ChatUser user, UUID id) {
        conversations.row(user, id);
        List<OpenInvitation> open = guests.openIn(user.orgId(), id, MAX_OPEN).stream()
                .filter(i -> !user.guest() || user.id().equals(i.invitedByGuest()))
                .toList();
        Map<UUID, String> names = contacts.names(
                user.orgId(), open.stream().map(OpenInvitation::contactId).toList());
        return open.stream()
                .map(i -> new Open(i, names.getOrDefault(i.contactId(), "")))
                .toList();
    }

    /** Revokes an open invitation of the group: its owner and admins any, the others their own. */
    @Transactional
    public void revoke(ChatUser user, UUID id, UUID invitationId) {
        ConversationRow row = conversations.row(user, id);
        OpenInvitation invitation = guests.openIn(user.orgId(), id, MAX_OPEN).stream()
                .filter(i -> i.id().equals(invitationId))
                .findFirst()
                .orElseThrow(() -> LiaisonException.notFound("guest-invitation", invitationId));
        boolean own = user.id().equals(user.guest() ? invitation.invitedByGuest() : invitation.invitedBy());
        if (!own && !row.manages()) {
            throw LiaisonException.forbidden("forbidden.revoke-invitation");
        }
        guests.revokeIn(user.orgId(), id, invitationId);
    }

    /** The invitation's e-mail, in the organization's language, with the expiry in its time zone. */
    private OutboundMessage mail(
            ChatUser user, ConversationRow row, InvitedContact contact, GuestInvitation invitation) {
        Organization organization = organizations.get(user.orgId());
        Locale locale = Locale.forLanguageTag(organization.locale());
        String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .format(invitation.expiresAt().atZoneSameInstant(ZoneId.of(organization.timeZone())));
        String subject = messages.getMessage(
                "guest.invitationMail.subject", new Object[] {user.displayName(), row.name()}, locale);
        String body = messages.getMessage(
                "guest.invitationMail.body",
                new Object[] {
                    contact.name(), user.displayName(), row.name(), organization.name(), expires, organization.code()
                },
                locale);
        return OutboundMessage.of(subject, body).withLink(invitation.url());
    }
}
