package io.liaison.task.event;

import io.liaison.task.reminder.Reminders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An event's reminders: each attending member at each of its offsets before the start, planned again
 * whenever the event changes and withdrawn when it is called off; {@link EventReminderSubject} says
 * what they tell.
 */
@Component
class EventReminders {

    private final Reminders reminders;

    EventReminders(Reminders reminders) {
        this.reminders = reminders;
    }

    /** Replaces the event's reminders by those of its members and offsets now, in the caller's transaction. */
    void plan(UUID orgId, CalendarEvent event) {
        List<Reminders.Planned> planned = new ArrayList<>();
        for (UUID member : event.memberIds()) {
            for (String offset : event.reminders()) {
                planned.add(new Reminders.Planned(member, event.startAt().minus(Duration.parse(offset))));
            }
        }
        reminders.replace(orgId, EventReminderSubject.KIND, event.id(), planned);
    }

    void cancel(UUID orgId, UUID eventId) {
        reminders.cancel(orgId, EventReminderSubject.KIND, eventId);
    }
}
