package io.liaison.task.event;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.notify.NewNotification;
import io.liaison.notify.NotificationKind;
import io.liaison.shared.Message;
import io.liaison.task.reminder.ReminderSubject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What an event's reminder says when it fires: the event's title, start (in the member's zone) and
 * place, linking to it; nothing when the event was cancelled, or the member no longer attends or sees
 * it. Also the notification kind of these reminders.
 */
@Configuration(proxyBeanMethods = false)
class EventReminderSubject implements ReminderSubject {

    static final String KIND = "event";
    static final String NOTIFICATION = "event.reminder";
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MemberService members;
    private final EventRepository events;
    private final EventVisibility visibility;

    EventReminderSubject(MemberService members, EventRepository events, EventVisibility visibility) {
        this.members = members;
        this.events = events;
        this.visibility = visibility;
    }

    @Bean
    static NotificationKind eventReminder() {
        return new NotificationKind(NOTIFICATION, "notify.kind.event.reminder", false, Set.of(NotificationKind.IN_APP));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<NewNotification> describe(UUID orgId, UUID subjectId, UUID memberId, Instant fireAt) {
        Optional<Actor> member = members.actor(orgId, memberId);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        Actor actor = member.get();
        return visible(actor, subjectId)
                .filter(event -> !event.cancelled() && event.memberIds().contains(memberId))
                .map(event -> new NewNotification(
                        orgId,
                        memberId,
                        NOTIFICATION,
                        Message.of("notify.event.reminder.title", event.title()),
                        event.place() == null
                                ? Message.of(
                                        "notify.event.reminder.body",
                                        event.title(),
                                        START.format(event.startAt().atZone(actor.timeZone())))
                                : Message.of(
                                        "notify.event.reminder.body.place",
                                        event.title(),
                                        START.format(event.startAt().atZone(actor.timeZone())),
                                        event.place()),
                        "/calendar/events/" + event.id()));
    }

    /** The event as the member reads it: empty when they no longer see it. */
    private Optional<CalendarEvent> visible(Actor actor, UUID eventId) {
        return events.find(actor.orgId(), eventId, visibility.visible(actor, "e"));
    }
}
