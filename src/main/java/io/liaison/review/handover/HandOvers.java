package io.liaison.review.handover;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.liaison.access.ContactPermissions;
import io.liaison.channel.OutboundMessage;
import io.liaison.chat.ConversationHandOver;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactHandOver;
import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.identity.MemberService;
import io.liaison.review.ReviewPermissions;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.task.TaskHandOver;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand-overs of a leaving member's contacts, groups and open tasks to another member, for
 * administrators ({@code review.handover}): what a member still holds, the start of a hand-over (a
 * job that runs in batches), its progress and the message to the contacts as they will read it.
 */
@Service
public class HandOvers {

    /** What one start asks for. {@code filter} null: all; {@code message} null: no message. */
    public record Start(
            UUID toMemberId,
            @Nullable ContactFilter filter,
            List<String> include,
            @Nullable String channel,
            @Nullable String message) {}

    /** What a member holds now: contacts followed (of them, those a filter keeps), groups owned, open tasks. */
    public record Holdings(int contacts, int conversations, int tasks) {

        public boolean any() {
            return contacts > 0 || conversations > 0 || tasks > 0;
        }
    }

    private final HandOverRepository handOvers;
    private final HandOverMessages messages;
    private final MemberService members;
    private final ContactHandOver contacts;
    private final ConversationHandOver conversations;
    private final TaskHandOver tasks;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final OneTimeTask<String> task;
    private final JdbcClient jdbc;

    HandOvers(
            HandOverRepository handOvers,
            HandOverMessages messages,
            MemberService members,
            ContactHandOver contacts,
            ConversationHandOver conversations,
            TaskHandOver tasks,
            ObjectProvider<SchedulerClient> scheduler,
            OneTimeTask<String> handOverTask,
            JdbcClient jdbc) {
        this.handOvers = handOvers;
        this.messages = messages;
        this.members = members;
        this.contacts = contacts;
        this.conversations = conversations;
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.task = handOverTask;
        this.jdbc = jdbc;
    }

    /** A deactivated member who still holds something, with what. */
    public record Waiting(UUID memberId, String name, Holdings holdings) {}

    /** The most deactivated members {@link #waiting} looks at, by name. */
    public static final int MAX_WAITING = 200;

    /** The deactivated members who still hold contacts, groups or open tasks, by name. */
    @Transactional(readOnly = true)
    public List<Waiting> waiting(Actor actor) {
        require(actor);
        List<Waiting> waiting = new ArrayList<>();
        jdbc.sql("""
                        SELECT id, display_name FROM member WHERE org_id = ? AND NOT active
                         ORDER BY display_name, id LIMIT ?
                        """)
                .params(actor.orgId(), MAX_WAITING)
                .query(Named.class)
                .list()
                .forEach(m -> {
                    Holdings h = count(actor, m.id(), null);
                    if (h.any()) {
                        waiting.add(new Waiting(m.id(), m.displayName(), h));
                    }
                });
        return waiting;
    }

    private record Named(UUID id, String displayName) {}

    /** What the member holds, the contacts counted as {@code filter} keeps them (null: all). */
    @Transactional(readOnly = true)
    public Holdings holdings(Actor actor, UUID memberId, @Nullable ContactFilter filter) {
        require(actor);
        members.get(actor, memberId);
        return count(actor, memberId, filter);
    }

    Holdings count(Actor actor, UUID memberId, @Nullable ContactFilter filter) {
        return new Holdings(
                contacts.count(actor, memberId, filter == null ? ContactFilter.none() : filter),
                conversations.owned(actor.orgId(), memberId),
                tasks.open(actor.orgId(), memberId));
    }

    /**
     * Starts handing what {@code memberId} holds to the receiver: checks the request, writes the
     * hand-over and queues its job. One hand-over of a member runs at a time (409 while one does).
     */
    @Transactional
    public HandOver start(Actor actor, UUID memberId, Start start) {
        require(actor);
        Member from = members.get(actor, memberId);
        Member to = members.get(actor, start.toMemberId());
        if (!to.active()) {
            throw LiaisonException.invalid("toMemberId", "invalid.handover-receiver-inactive", to.displayName());
        }
        if (to.id().equals(from.id())) {
            throw LiaisonException.invalid("toMemberId", "invalid.handover-to-self");
        }
        List<String> include = List.copyOf(new LinkedHashSet<>(start.include()));
        if (include.isEmpty() || !HandOver.PARTS.containsAll(include)) {
            throw LiaisonException.invalid("include", "invalid.handover-include");
        }
        if (include.contains(HandOver.CONTACTS) && !actor.can(ContactPermissions.ASSIGN)) {
            throw LiaisonException.forbidden("forbidden.hand-this-contact-to-another-member");
        }
        String message = start.message() == null || start.message().isBlank()
                ? null
                : start.message().strip();
        if (message != null && message.length() > HandOverMessages.MAX_TEXT) {
            throw LiaisonException.invalid("message", "invalid.length", 1, HandOverMessages.MAX_TEXT);
        }
        if (message != null && !include.contains(HandOver.CONTACTS)) {
            throw LiaisonException.invalid("message", "invalid.handover-message-needs-contacts");
        }
        String channel = null;
        if (message != null) {
            channel = start.channel() == null ? HandOverMessages.EMAIL : start.channel();
            if (!channel.equals(HandOverMessages.EMAIL)) {
                throw LiaisonException.invalid("channel", "invalid.handover-channel");
            }
        }
        if (handOvers.running(actor.orgId(), memberId)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "handover-running", from.displayName());
        }
        int planned = include.contains(HandOver.CONTACTS) || start.filter() != null
                ? contacts.count(actor, memberId, start.filter() == null ? ContactFilter.none() : start.filter())
                : 0;
        HandOver h = new HandOver(
                Ids.newId(),
                memberId,
                to.id(),
                actor.memberId(),
                start.filter(),
                include,
                channel,
                message,
                actor.locale() == null ? "zh-CN" : actor.locale(),
                HandOver.CONTACTS,
                null,
                planned,
                0,
                0,
                0,
                0,
                OffsetDateTime.now(),
                null);
        handOvers.insert(actor.orgId(), h);
        schedule(actor.orgId(), h.id());
        return get(actor, h.id());
    }

    @Transactional(readOnly = true)
    public HandOver get(Actor actor, UUID id) {
        require(actor);
        return handOvers.find(actor.orgId(), id).orElseThrow(() -> LiaisonException.notFound("handover", id));
    }

    /** The member's hand-overs, newest first (at most 20). */
    @Transactional(readOnly = true)
    public List<HandOver> ofMember(Actor actor, UUID memberId) {
        require(actor);
        return handOvers.ofMember(actor.orgId(), memberId, 20);
    }

    /** How many of the hand-over's contacts are in each message state (none, queued, sent, failed, skipped). */
    @Transactional(readOnly = true)
    public List<HandOverRepository.StateCount> messageStates(Actor actor, UUID id) {
        get(actor, id);
        return handOvers.states(actor.orgId(), id);
    }

    /** The message as the contacts will read it, with the receiver's name and ways to reach them. */
    @Transactional(readOnly = true)
    public OutboundMessage preview(Actor actor, UUID toMemberId, String text) {
        require(actor);
        String language = actor.locale() == null ? "zh-CN" : actor.locale();
        return messages.letter(language, text, members.get(actor, toMemberId));
    }

    static void require(Actor actor) {
        if (!actor.can(ReviewPermissions.HANDOVER)) {
            throw LiaisonException.forbidden("forbidden.hand-over");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void reschedule() {
        handOvers.unfinished().forEach(u -> schedule(u.orgId(), u.id()));
    }

    private void schedule(UUID orgId, UUID id) {
        scheduler.ifAvailable(
                s -> s.scheduleIfNotExists(task.instance(id.toString(), orgId + ":" + id), Instant.now()));
    }
}
