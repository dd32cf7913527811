package io.liaison.task.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an event is to say, as a form or a request gives it: a new event, or the whole of an event after
 * a change. {@code kind} null is a meeting, {@code timeZone} null the maker's, {@code memberIds} empty
 * the maker alone; {@code reminders} are ISO 8601 durations before the start ({@code PT15M}, {@code P1D}).
 */
public record EventDraft(
        String title,
        @Nullable String description,
        @Nullable String kind,
        @Nullable Instant startAt,
        @Nullable Instant endAt,
        @Nullable String timeZone,
        boolean allDay,
        @Nullable String place,
        @Nullable String link,
        List<UUID> memberIds,
        List<UUID> contactIds,
        List<String> reminders) {

    public EventDraft {
        memberIds = List.copyOf(memberIds);
        contactIds = List.copyOf(contactIds);
        reminders = List.copyOf(reminders);
    }

    /** The event as it is, to be changed. */
    public static EventDraft of(CalendarEvent e) {
        return new EventDraft(
                e.title(),
                e.description(),
                e.kind(),
                e.startAt(),
                e.endAt(),
                e.timeZone(),
                e.allDay(),
                e.place(),
                e.link(),
                e.memberIds(),
                e.contactIds(),
                e.reminders());
    }
}
