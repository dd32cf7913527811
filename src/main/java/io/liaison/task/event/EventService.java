package io.liaison.task.event;

import io.liaison.contact.ContactAudience;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import io.liaison.shared.TimeZones;
import io.liaison.task.EventCancelled;
import io.liaison.task.EventScheduled;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings, visits and calls: anyone plans them with the members and the contacts they see; who sees
 * one is {@link EventVisibility}'s rule, in every query. Its maker, its attending members and a
 * manager over them change or cancel it; each change is told to its contacts by e-mail ({@link
 * EventInvitations}) and re-plans its reminders ({@link EventReminders}), in the same transaction.
 */
@Service
public class EventService {

    /** The longest range a calendar reads at once. */
    public static final Duration MAX_RANGE = Duration.ofDays(92);
    /** The most events one range answers. */
    public static final int MAX_LISTED = 500;
    /** The longest event the workbench's day looks back for. */
    public static final int LONGEST_DAYS = 31;

    private final EventRepository events;
    private final EventVisibility visibility;
    private final MemberService members;
    private final ContactAudience contacts;
    private final EventInvitations invitations;
    private final EventReminders reminders;
    private final ApplicationEventPublisher publisher;
    private final String uidHost;

    EventService(
            EventRepository events,
            EventVisibility visibility,
            MemberService members,
            ContactAudience contacts,
            EventInvitations invitations,
            EventReminders reminders,
            ApplicationEventPublisher publisher) {
        this.events = events;
        this.visibility = visibility;
        this.members = members;
        this.contacts = contacts;
        this.invitations = invitations;
        this.reminders = reminders;
        this.publisher = publisher;
        this.uidHost = invitations.host();
    }

    @Transactional
    public CalendarEvent create(Actor actor, EventDraft draft) {
        UUID id = Ids.newId();
        List<UUID> attending = draft.memberIds().isEmpty() ? List.of(actor.memberId()) : draft.memberIds();
        CalendarEvent checked = checked(actor, draft, id, id + "@" + uidHost, 0, attending, List.of(), List.of());
        events.insert(actor.orgId(), checked);
        CalendarEvent event = found(actor.orgId(), id);
        afterChange(actor, null, event);
        return event;
    }

    @Transactional(readOnly = true)
    public CalendarEvent get(Actor actor, UUID id) {
        return events.find(actor.orgId(), id, visibility.visible(actor, "e"))
                .orElseThrow(() -> LiaisonException.notFound("event", id));
    }

    /** The events the actor sees that overlap [from, to), by start; at most {@value #MAX_LISTED}. */
    @Transactional(readOnly = true)
    public List<CalendarEvent> between(Actor actor, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw LiaisonException.invalid("to", "invalid.event-range", MAX_RANGE.toDays());
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw LiaisonException.invalid("to", "invalid.event-range", MAX_RANGE.toDays());
        }
        return events.overlapping(actor.orgId(), visibility.visible(actor, "e"), from, to, MAX_LISTED);
    }

    /**
     * The confirmed events the actor sees that overlap [from, to), by start, at most {@code limit}: a
     * feed's wider window, which the caller bounds.
     */
    @Transactional(readOnly = true)
    public List<CalendarEvent> agenda(Actor actor, Instant from, Instant to, int limit) {
        SqlFragment confirmed = visibility.visible(actor, "e").and(SqlFragment.of("e.status = 'confirmed'"));
        return events.overlapping(actor.orgId(), confirmed, from, to, limit);
    }

    /**
     * The confirmed events the member made or attends that overlap [from, to), by start, at most
     * {@code limit}: the workbench's day. Only events that started at most {@value #LONGEST_DAYS} days
     * before {@code from} are looked at, so that the index of events by start reads a bounded stretch.
     */
    @Transactional(readOnly = true)
    public List<CalendarEvent> mine(Actor actor, Instant from, Instant to, int limit) {
        SqlFragment mine = SqlFragment.of(
                        "e.org_id = ? AND e.status = 'confirmed' AND e.start_at >= ?",
                        actor.orgId(),
                        Timestamp.from(from.minus(Duration.ofDays(LONGEST_DAYS))))
                .and(SqlFragment.of("e.created_by = ?", actor.memberId())
                        .or(SqlFragment.of(
                                "EXISTS (SELECT 1 FROM calendar_event_member a WHERE a.org_id = e.org_id"
                                        + " AND a.event_id = e.id AND a.member_id = ?)",
                                actor.memberId())));
        return events.overlapping(actor.orgId(), mine, from, to, limit);
    }

    /** The confirmed events with the contact that the actor sees and that have not ended, by start, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<CalendarEvent> upcomingWith(Actor actor, UUID contactId, int limit) {
        SqlFragment with = visibility
                .visible(actor, "e")
                .and(SqlFragment.of(
                        "e.status = 'confirmed' AND EXISTS (SELECT 1 FROM calendar_event_contact w"
                                + " WHERE w.org_id = e.org_id AND w.event_id = e.id AND w.contact_id = ?)",
                        contactId));
        Instant now = Instant.now();
        return events.overlapping(actor.orgId(), with, now, now.plus(Duration.ofDays(366)), limit);
    }

    /**
     * Changes the event by {@code change} (of the event as it is), when it is still at {@code expected}
     * (when given). The invitees hear of a new time, place or title with a higher sequence.
     */
    @Transactional
    public CalendarEvent update(Actor actor, UUID id, UnaryOperator<EventDraft> change, @Nullable Long expected) {
        CalendarEvent before = editable(actor, id);
        LiaisonException.requireVersion(expected, before.version());
        if (before.cancelled()) {
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_CONTENT, "event-cancelled");
        }
        EventDraft draft = change.apply(EventDraft.of(before));
        List<UUID> attending = draft.memberIds().isEmpty() ? List.of(actor.memberId()) : draft.memberIds();
        CalendarEvent after = checked(
                actor, draft, id, before.uid(), before.sequence(), attending, before.memberIds(), before.contactIds());
        boolean told = !after.startAt().equals(before.startAt())
                || !after.endAt().equals(before.endAt())
                || after.allDay() != before.allDay()
                || !after.timeZone().equals(before.timeZone())
                || !Objects.equals(after.place(), before.place())
                || !Objects.equals(after.link(), before.link())
                || !after.title().equals(before.title())
                || !Objects.equals(after.description(), before.description())
                || !after.contactIds().containsAll(before.contactIds());
        CalendarEvent next = told ? after.told(before.sequence() + 1, after.status()) : after;
        if (!events.update(actor.orgId(), next, before.version())) {
            throw LiaisonException.stale(before.version(), before.version() + 1);
        }
        CalendarEvent event = found(actor.orgId(), id);
        afterChange(actor, before, event);
        return event;
    }

    /** Calls the event off: its contacts get a CANCEL, its reminders are withdrawn. A cancelled one stays as it is. */
    @Transactional
    public CalendarEvent cancel(Actor actor, UUID id, @Nullable Long expected) {
        CalendarEvent before = editable(actor, id);
        LiaisonException.requireVersion(expected, before.version());
        if (events.cancel(actor.orgId(), id)) {
            CalendarEvent event = found(actor.orgId(), id);
            invitations.changed(actor, before, event);
            reminders.cancel(actor.orgId(), id);
            publisher.publishEvent(new EventCancelled(actor.orgId(), id, actor.memberId()));
            return event;
        }
        return before;
    }

    private void afterChange(Actor actor, @Nullable CalendarEvent before, CalendarEvent event) {
        invitations.changed(actor, before, event);
        reminders.plan(actor.orgId(), event);
        if (before == null
                || event.sequence() != before.sequence()
                || !event.memberIds().equals(before.memberIds())) {
            publisher.publishEvent(new EventScheduled(
                    actor.orgId(),
                    event.id(),
                    actor.memberId(),
                    event.startAt(),
                    event.endAt(),
                    event.sequence(),
                    event.memberIds(),
                    event.contactIds()));
        }
    }

    /** The event when the actor may change it: 404 when they do not see it, 403 when they only see it. */
    private CalendarEvent editable(Actor actor, UUID id) {
        CalendarEvent event = get(actor, id);
        SqlFragment may = visibility.editable(actor, "e");
        if (events.find(actor.orgId(), id, may).isEmpty()) {
            throw LiaisonException.forbidden("forbidden.event-edit");
        }
        return event;
    }

    private CalendarEvent found(UUID orgId, UUID id) {
        return events.find(orgId, id).orElseThrow(() -> LiaisonException.notFound("event", id));
    }

    /**
     * The draft as a checked event. Members and contacts already on the event stay without a check (the
     * one who changes it may not see them all); those added must be members of the organization and
     * contacts the actor sees.
     */
    private CalendarEvent checked(
            Actor actor,
            EventDraft draft,
            UUID id,
            String uid,
            int sequence,
            List<UUID> attending,
            List<UUID> membersBefore,
            List<UUID> contactsBefore) {
        String title = EventRules.text("title", draft.title(), EventRules.MAX_TITLE);
        String description = EventRules.optional("description", draft.description(), EventRules.MAX_DESCRIPTION);
        String kind = EventRules.kind(draft.kind());
        EventRules.range(draft.startAt(), draft.endAt());
        String zone = draft.timeZone() == null || draft.timeZone().isBlank()
                ? actor.timeZone().getId()
                : TimeZones.checked("timeZone", draft.timeZone()).getId();
        EventRules.zoneKnown(zone);
        String place = EventRules.optional("place", draft.place(), EventRules.MAX_PLACE);
        String link = EventRules.link(draft.link());
        List<String> reminded = EventRules.reminders(draft.reminders());
        List<UUID> memberIds = distinct(attending);
        List<UUID> contactIds = distinct(draft.contactIds());
        if (memberIds.size() > EventRules.MAX_MEMBERS) {
            throw LiaisonException.tooMany("memberIds", EventRules.MAX_MEMBERS);
        }
        if (contactIds.size() > EventRules.MAX_CONTACTS) {
            throw LiaisonException.tooMany("contactIds", EventRules.MAX_CONTACTS);
        }
        Map<UUID, String> known = members.displayNames(actor, memberIds, true);
        for (int i = 0; i < memberIds.size(); i++) {
            if (!known.containsKey(memberIds.get(i)) && !membersBefore.contains(memberIds.get(i))) {
                throw LiaisonException.invalid("memberIds[" + i + "]", "invalid.task-assignee", memberIds.get(i));
            }
        }
        List<UUID> added =
                contactIds.stream().filter(c -> !contactsBefore.contains(c)).toList();
        Map<UUID, String> seen = contacts.visibleNames(actor, added);
        for (int i = 0; i < contactIds.size(); i++) {
            UUID contact = contactIds.get(i);
            if (added.contains(contact) && !seen.containsKey(contact)) {
                throw LiaisonException.invalid("contactIds[" + i + "]", "invalid.task-contact", contact);
            }
        }
        Instant now = Instant.now();
        return new CalendarEvent(
                id,
                uid,
                sequence,
                title,
                description,
                kind,
                Objects.requireNonNull(draft.startAt()),
                Objects.requireNonNull(draft.endAt()),
                zone,
                draft.allDay(),
                place,
                link,
                "confirmed",
                reminded,
                actor.memberId(),
                actor.displayName(),
                memberIds,
                contactIds,
                now,
                now,
                0);
    }

    private static List<UUID> distinct(List<UUID> ids) {
        List<UUID> once = new ArrayList<>();
        for (UUID id : ids) {
            if (!once.contains(id)) {
                once.add(id);
            }
        }
        return once;
    }
}
