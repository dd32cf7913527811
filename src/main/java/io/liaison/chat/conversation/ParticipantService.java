package io.liaison.chat.conversation;

import io.liaison.chat.ChatUser;
import io.liaison.chat.ParticipantsChanged;
import io.liaison.identity.Actor;
import io.liaison.identity.Guests;
import io.liaison.shared.LiaisonException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participants of a group: the owner and admins add and remove members and guests, mute them and
 * (the owner) make members admins; anyone but the owner leaves; the owner hands the group to another
 * member. A guest comes in by accepting an invitation and changes nobody's place; a guest who is in
 * no group any more (removed, left) loses their access at once. Every change of who is in is
 * published as {@link ParticipantsChanged}.
 */
@Service
public class ParticipantService {

    private static final String GUEST_MANAGE = "forbidden.guest-manage";

    private final ConversationService conversations;
    private final ConversationRepository rows;
    private final ParticipantRepository participants;
    private final ChatSettings settings;
    private final Guests guests;
    private final ApplicationEventPublisher events;

    ParticipantService(
            ConversationService conversations,
            ConversationRepository rows,
            ParticipantRepository participants,
            ChatSettings settings,
            Guests guests,
            ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.rows = rows;
        this.participants = participants;
        this.settings = settings;
        this.guests = guests;
        this.events = events;
    }

    /**
     * Who is in the conversation; a guest in a group whose guests do not see its participants sees
     * only themselves, the owner and the admins.
     */
    @Transactional(readOnly = true)
    public List<Participant> list(ChatUser user, UUID id) {
        ConversationRow row = conversations.row(user, id);
        boolean narrow = user.guest() && !row.settings().guestsSeeParticipants();
        return participants.current(user.orgId(), id, narrow ? user.id() : null, settings.maxParticipants());
    }

    /** The member ids of a conversation's current participants. */
    public Set<UUID> memberIds(ChatUser user, UUID id) {
        Set<UUID> ids = new LinkedHashSet<>();
        participants.current(user.orgId(), id, settings.maxParticipants()).forEach(p -> {
            if (p.memberId() != null) {
                ids.add(p.memberId());
            }
        });
        return ids;
    }

    /** Moves the user's read mark forward to {@code seq}; never back. Published as {@link ReadMoved}. */
    public void markRead(ChatUser user, UUID id, long seq) {
        if (participants.read(user, id, seq)) {
            events.publishEvent(new ReadMoved(user.orgId(), id, user.id(), seq));
        }
    }

    /**
     * Moves the author's read mark to the message they posted, {@code seq}, without {@link ReadMoved}: every
     * client takes a message's author to have read it, so no {@code read} frame needs to go to every
     * socket of the group with each message.
     */
    public void markPostedRead(ChatUser author, UUID id, long seq) {
        participants.read(author, id, seq);
    }

    /** Adds active members of the organization; ones already in are left as they are. */
    @Transactional
    public List<Participant> add(ChatUser user, UUID id, List<UUID> memberIds) {
        conversations.managed(user, id);
        Actor actor = user.asMember(GUEST_MANAGE);
        if (memberIds.size() > settings.maxParticipants()) {
            throw LiaisonException.tooMany("memberIds", settings.maxParticipants());
        }
        Set<UUID> wanted = new LinkedHashSet<>(memberIds);
        if (wanted.isEmpty()) {
            throw LiaisonException.invalid("memberIds", "invalid.empty");
        }
        conversations.requireMembers(actor, wanted);
        List<UUID> added = participants.add(user.orgId(), id, wanted, ConversationRow.MEMBER);
        int count = participants.count(user.orgId(), id);
        if (count > settings.maxParticipants()) {
            throw conversations.tooManyParticipants(count);
        }
        changed(user, id, added, List.of(), Map.of());
        return participants.current(user.orgId(), id, settings.maxParticipants());
    }

    /** Removes a member: an admin removes members, the owner anyone but themself. */
    @Transactional
    public void remove(ChatUser user, UUID id, UUID memberId) {
        ConversationRow row = conversations.managed(user, id);
        Participant target = participant(user, id, memberId);
        outranks(row, target);
        participants.remove(user.orgId(), id, memberId);
        changed(user, id, List.of(), List.of(memberId), Map.of());
    }

    /** Removes a guest (the owner or an admin); in no group any more, they lose their access at once. */
    @Transactional
    public void removeGuest(ChatUser user, UUID id, UUID guestId) {
        conversations.managed(user, id);
        guest(user, id, guestId);
        participants.removeGuest(user.orgId(), id, guestId);
        guestsChanged(user.orgId(), user.guest() ? null : user.id(), id, List.of(), List.of(guestId));
        endAccessIfInNoGroup(user.orgId(), guestId);
    }

    /**
     * Changes a member's role ({@code admin} or {@code member}, by the owner only) or whether they
     * are muted (by the owner, or an admin for a member).
     */
    @Transactional
    public Participant change(ChatUser user, UUID id, UUID memberId, @Nullable String role, @Nullable Boolean muted) {
        ConversationRow row = conversations.managed(user, id);
        Participant target = participant(user, id, memberId);
        outranks(row, target);
        String newRole = target.role();
        if (role != null) {
            if (!role.equals(ConversationRow.ADMIN) && !role.equals(ConversationRow.MEMBER)) {
                throw LiaisonException.invalid("role", "invalid.one-of", "admin, member");
            }
            if (!row.role().equals(ConversationRow.OWNER)) {
                throw LiaisonException.forbidden("forbidden.conversation-roles");
            }
            newRole = role;
        }
        participants.change(user.orgId(), id, memberId, newRole, muted == null ? target.muted() : muted);
        if (!newRole.equals(target.role())) {
            changed(user, id, List.of(), List.of(), Map.of(memberId, newRole));
        }
        return participant(user, id, memberId);
    }

    /** Mutes a guest or lets them post again (the owner or an admin); a guest's role stays {@code member}. */
    @Transactional
    public Participant changeGuest(
            ChatUser user, UUID id, UUID guestId, @Nullable String role, @Nullable Boolean muted) {
        conversations.managed(user, id);
        Participant target = guest(user, id, guestId);
        if (role != null && !role.equals(ConversationRow.MEMBER)) {
            throw LiaisonException.invalid("role", "invalid.guest-role");
        }
        participants.muteGuest(user.orgId(), id, guestId, muted == null ? target.muted() : muted);
        return guest(user, id, guestId);
    }

    /** The user leaves the group; its owner must hand it over first. A guest in no group any more loses access. */
    @Transactional
    public void leave(ChatUser user, UUID id) {
        ConversationRow row = conversations.row(user, id);
        if (row.direct()) {
            throw new LiaisonException(HttpStatus.CONFLICT, "direct-conversation");
        }
        if (row.role().equals(ConversationRow.OWNER) && row.dissolvedAt() == null) {
            throw new LiaisonException(HttpStatus.CONFLICT, "owner-cannot-leave");
        }
        if (user.guest()) {
            participants.removeGuest(user.orgId(), id, user.id());
            guestsChanged(user.orgId(), null, id, List.of(), List.of(user.id()));
            endAccessIfInNoGroup(user.orgId(), user.id());
            return;
        }
        participants.remove(user.orgId(), id, user.id());
        changed(user, id, List.of(), List.of(user.id()), Map.of());
    }

    /** The owner hands the group to another member participant and stays in it as an admin. */
    @Transactional
    public void transfer(ChatUser user, UUID id, UUID memberId) {
        ConversationRow row = conversations.managed(user, id);
        if (!row.role().equals(ConversationRow.OWNER)) {
            throw LiaisonException.forbidden("forbidden.transfer-conversation");
        }
        participant(user, id, memberId);
        if (memberId.equals(user.id())) {
            throw LiaisonException.invalid("memberId", "invalid.transfer-to-self");
        }
        participants.change(user.orgId(), id, memberId, ConversationRow.OWNER, false);
        participants.change(user.orgId(), id, user.id(), ConversationRow.ADMIN, row.muted());
        rows.setOwner(user.orgId(), id, memberId);
        changed(
                user,
                id,
                List.of(),
                List.of(),
                Map.of(memberId, ConversationRow.OWNER, user.id(), ConversationRow.ADMIN));
    }

    /**
     * A guest accepted an invitation into this conversation: they are in it now, if it is still an
     * external group that is not dissolved (one dissolved in between takes nobody new).
     */
    @Transactional
    public void join(UUID orgId, UUID conversationId, UUID guestId) {
        if (rows.openExternal(orgId, conversationId) && participants.addGuest(orgId, conversationId, guestId)) {
            guestsChanged(orgId, null, conversationId, List.of(guestId), List.of());
        }
    }

    /** The guest is taken out of every group they are in (their contact was trashed). */
    @Transactional
    public void removeEverywhere(UUID orgId, UUID guestId) {
        for (UUID conversationId : participants.removeGuestEverywhere(orgId, guestId)) {
            guestsChanged(orgId, null, conversationId, List.of(), List.of(guestId));
        }
    }

    private void endAccessIfInNoGroup(UUID orgId, UUID guestId) {
        if (participants.guestConversations(orgId, guestId) == 0) {
            guests.find(orgId, guestId).ifPresent(g -> guests.endAccess(orgId, g.contactId()));
        }
    }

    private Participant participant(ChatUser user, UUID id, UUID memberId) {
        return participants
                .member(user.orgId(), id, memberId)
                .orElseThrow(() -> LiaisonException.notFound("participant", memberId));
    }

    private Participant guest(ChatUser user, UUID id, UUID guestId) {
        return participants
                .guest(user.orgId(), id, guestId)
                .orElseThrow(() -> LiaisonException.notFound("participant", guestId));
    }

    /** Only the owner acts on admins; nobody removes, mutes or demotes the owner. */
    private static void outranks(ConversationRow row, Participant target) {
        if (target.role().equals(ConversationRow.OWNER)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "owner-cannot-leave");
        }
        if (target.role().equals(ConversationRow.ADMIN) && !row.role().equals(ConversationRow.OWNER)) {
            throw LiaisonException.forbidden("forbidden.conversation-roles");
        }
    }

    private void changed(ChatUser user, UUID id, List<UUID> added, List<UUID> removed, Map<UUID, String> roles) {
        if (added.isEmpty() && removed.isEmpty() && roles.isEmpty()) {
            return;
        }
        rows.touch(user.orgId(), id);
        events.publishEvent(new ParticipantsChanged(user.orgId(), user.id(), id, added, removed, roles));
    }

    private void guestsChanged(UUID orgId, @Nullable UUID actorId, UUID id, List<UUID> added, List<UUID> removed) {
        rows.touch(orgId, id);
        events.publishEvent(ParticipantsChanged.guests(orgId, actorId, id, added, removed));
    }
}
