package io.liaison.chat.conversation;

import io.liaison.chat.ParticipantsChanged;
import io.liaison.identity.Actor;
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
 * The participants of a group: the owner and admins add and remove members, mute them and (the
 * owner) make them admins; anyone but the owner leaves; the owner hands the group to another
 * participant. Every change of who is in is published as {@link ParticipantsChanged}.
 */
@Service
public class ParticipantService {

    private final ConversationService conversations;
    private final ConversationRepository rows;
    private final ParticipantRepository participants;
    private final ChatSettings settings;
    private final ApplicationEventPublisher events;

    ParticipantService(
            ConversationService conversations,
            ConversationRepository rows,
            ParticipantRepository participants,
            ChatSettings settings,
            ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.rows = rows;
        this.participants = participants;
        this.settings = settings;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Participant> list(Actor actor, UUID id) {
        conversations.row(actor, id);
        return participants.current(actor.orgId(), id, settings.maxParticipants());
    }

    /** The member ids of a conversation's current participants. */
    public Set<UUID> memberIds(Actor actor, UUID id) {
        Set<UUID> ids = new LinkedHashSet<>();
        participants.current(actor.orgId(), id, settings.maxParticipants()).forEach(p -> ids.add(p.memberId()));
        return ids;
    }

    /** Moves the actor's read mark forward to {@code seq}; never back. Published as {@link ReadMoved}. */
    public void markRead(Actor actor, UUID id, long seq) {
        if (participants.read(actor.orgId(), id, actor.memberId(), seq)) {
            events.publishEvent(new ReadMoved(actor.orgId(), id, actor.memberId(), seq));
        }
    }

    /** Adds active members of the organization; ones already in are left as they are. */
    @Transactional
    public List<Participant> add(Actor actor, UUID id, List<UUID> memberIds) {
        conversations.managed(actor, id);
        if (memberIds.size() > settings.maxParticipants()) {
            throw LiaisonException.tooMany("memberIds", settings.maxParticipants());
        }
        Set<UUID> wanted = new LinkedHashSet<>(memberIds);
        if (wanted.isEmpty()) {
            throw LiaisonException.invalid("memberIds", "invalid.empty");
        }
        conversations.requireMembers(actor, wanted);
        List<UUID> added = participants.add(actor.orgId(), id, wanted, ConversationRow.MEMBER);
        int count = participants.count(actor.orgId(), id);
        if (count > settings.maxParticipants()) {
            throw conversations.tooManyParticipants(count);
        }
        changed(actor, id, added, List.of(), Map.of());
        return participants.current(actor.orgId(), id, settings.maxParticipants());
    }

    /** Removes a participant: an admin removes members, the owner anyone but themself. */
    @Transactional
    public void remove(Actor actor, UUID id, UUID memberId) {
        ConversationRow row = conversations.managed(actor, id);
        Participant target = participant(actor, id, memberId);
        outranks(row, target);
        participants.remove(actor.orgId(), id, memberId);
        changed(actor, id, List.of(), List.of(memberId), Map.of());
    }

    /**
     * Changes a participant's role ({@code admin} or {@code member}, by the owner only) or whether
     * they are muted (by the owner, or an admin for a member).
     */
    @Transactional
    public Participant change(Actor actor, UUID id, UUID memberId, @Nullable String role, @Nullable Boolean muted) {
        ConversationRow row = conversations.managed(actor, id);
        Participant target = participant(actor, id, memberId);
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
        participants.change(actor.orgId(), id, memberId, newRole, muted == null ? target.muted() : muted);
        if (!newRole.equals(target.role())) {
            changed(actor, id, List.of(), List.of(), Map.of(memberId, newRole));
        }
        return participant(actor, id, memberId);
    }

    /** The actor leaves the group; its owner must hand it over first. */
    @Transactional
    public void leave(Actor actor, UUID id) {
        ConversationRow row = conversations.row(actor, id);
        if (row.direct()) {
            throw new LiaisonException(HttpStatus.CONFLICT, "direct-conversation");
        }
        if (row.role().equals(ConversationRow.OWNER) && row.dissolvedAt() == null) {
            throw new LiaisonException(HttpStatus.CONFLICT, "owner-cannot-leave");
        }
        participants.remove(actor.orgId(), id, actor.memberId());
        changed(actor, id, List.of(), List.of(actor.memberId()), Map.of());
    }

    /** The owner hands the group to another participant and stays in it as an admin. */
    @Transactional
    public void transfer(Actor actor, UUID id, UUID memberId) {
        ConversationRow row = conversations.managed(actor, id);
        if (!row.role().equals(ConversationRow.OWNER)) {
            throw LiaisonException.forbidden("forbidden.transfer-conversation");
        }
        Participant target = participant(actor, id, memberId);
        if (target.memberId().equals(actor.memberId())) {
            throw LiaisonException.invalid("memberId", "invalid.transfer-to-self");
        }
        participants.change(actor.orgId(), id, memberId, ConversationRow.OWNER, false);
        participants.change(actor.orgId(), id, actor.memberId(), ConversationRow.ADMIN, row.muted());
        rows.setOwner(actor.orgId(), id, memberId);
        changed(
                actor,
                id,
                List.of(),
                List.of(),
                Map.of(memberId, ConversationRow.OWNER, actor.memberId(), ConversationRow.ADMIN));
    }

    private Participant participant(Actor actor, UUID id, UUID memberId) {
        return participants
                .member(actor.orgId(), id, memberId)
                .orElseThrow(() -> LiaisonException.notFound("participant", memberId));
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

    private void changed(Actor actor, UUID id, List<UUID> added, List<UUID> removed, Map<UUID, String> roles) {
        if (added.isEmpty() && removed.isEmpty() && roles.isEmpty()) {
            return;
        }
        rows.touch(actor.orgId(), id);
        events.publishEvent(new ParticipantsChanged(actor.orgId(), actor.memberId(), id, added, removed, roles));
    }
}
