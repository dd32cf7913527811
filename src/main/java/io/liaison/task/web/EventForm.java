package io.liaison.task.web;

import io.liaison.shared.web.ViewerTimes;
import io.liaison.task.event.CalendarEvent;
import io.liaison.task.event.EventDraft;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The event form as the member typed it: times as text ({@code 2026-12-08 09:30}, a day alone for an
 * all-day event) read in the member's zone, attendees by id, reminders as ISO durations.
 */
public record EventForm(
        @Nullable String title,
        @Nullable String kind,
        @Nullable String start,
        @Nullable String end,
        @Nullable Boolean allDay,
        @Nullable String place,
        @Nullable String link,
        @Nullable String description,
        @Nullable List<UUID> memberIds,
        @Nullable List<UUID> contactIds,
        @Nullable List<String> reminders,
        @Nullable Long version) {

    /** The offsets the form offers, shortest first. */
    static final List<Duration> OFFERED = List.of(
            Duration.ZERO,
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofDays(1),
            Duration.ofDays(2),
            Duration.ofDays(7));

    /** An offered reminder: its ISO duration and its words. */
    public record Option(String value, String label) {}

    public EventForm {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }

    /** A new event on {@code day}, the member attending, with the contact it is made from (if any). */
    static EventForm blank(LocalDate day, UUID me, @Nullable UUID contactId) {
        return new EventForm(
                "",
                "meeting",
                day + " 09:00",
                day + " 10:00",
                false,
                "",
                "",
                "",
                List.of(me),
                contactId == null ? List.of() : List.of(contactId),
                List.of(Duration.ofMinutes(15).toString()),
                null);
    }

    static EventForm of(CalendarEvent e, ZoneId zone) {
        boolean allDay = e.allDay();
        return new EventForm(
                e.title(),
                e.kind(),
                text(e.startAt(), zone, allDay, false),
                text(e.endAt(), zone, allDay, true),
                allDay,
                e.place(),
                e.link(),
                e.description(),
                e.memberIds(),
                e.contactIds(),
                e.reminders(),
                (long) e.version());
    }

    /**
     * The event the form describes, its times read in {@code zone}; {@code before} is the event as it
     * was (its zone stays), {@code null} for a new one.
     */
    EventDraft draft(ZoneId zone, @Nullable EventDraft before) {
        boolean whole = Boolean.TRUE.equals(allDay);
        Instant from = instant("start", start, zone, whole, false);
        Instant to = instant("end", end, zone, whole, true);
        return new EventDraft(
                title == null ? "" : title,
                blankToNull(description),
                kind,
                from,
                to,
                before == null ? null : before.timeZone(),
                whole,
                blankToNull(place),
                blankToNull(link),
                Objects.requireNonNull(memberIds),
                Objects.requireNonNull(contactIds),
                Objects.requireNonNull(reminders));
    }

    static LocalDate day(@Nullable String text, ZoneId zone) {
        LocalDate day = ViewerTimes.parseDate("day", text);
        return day == null ? LocalDate.now(zone) : day;
    }

    static List<Option> reminderOptions(MessageSource messages, Locale locale) {
        return OFFERED.stream()
                .map(d -> new Option(d.toString(), label(d, messages, locale)))
                .toList();
    }

    private static String label(Duration before, MessageSource messages, Locale locale) {
        if (before.isZero()) {
            return messages.getMessage("calendar.reminder.atStart", null, locale);
        }
        if (before.toMinutes() < 60) {
            return messages.getMessage("calendar.reminder.minutes", new Object[] {before.toMinutes()}, locale);
        }
        if (before.toHours() < 24) {
            return messages.getMessage("calendar.reminder.hours", new Object[] {before.toHours()}, locale);
        }
        return messages.getMessage("calendar.reminder.days", new Object[] {before.toDays()}, locale);
    }

    /** A typed time in {@code zone}; for an all-day event the day alone, the end day counted whole. */
    private static @Nullable Instant instant(
            String field, @Nullable String text, ZoneId zone, boolean whole, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (whole) {
            LocalDate day = ViewerTimes.parseDate(field, text.strip().split("\\s+")[0]);
            return day == null
                    ? null
                    : (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        OffsetDateTime at = ViewerTimes.parseDateTime(field, text);
        return at == null ? null : at.atZoneSameInstant(zone).toInstant();
    }

    private static String text(Instant at, ZoneId zone, boolean whole, boolean end) {
        if (whole) {
            LocalDate day = at.atZone(zone).toLocalDate();
            return (end ? day.minusDays(1) : day).toString();
        }
        return ViewerTimes.INPUT_DATE_TIME.format(at.atZone(zone));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
