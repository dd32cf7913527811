package io.liaison.task.event;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.Times;
import io.liaison.task.reminder.Reminders;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The limits of an event's fields, checked before anything is written; each refusal names its field. */
final class EventRules {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_PLACE = 500;
    static final int MAX_LINK = 2_000;
    static final int MAX_REMINDERS = 5;
    /** Each attending member is reminded at each offset, within what one subject may plan. */
    static final int MAX_MEMBERS = Reminders.MAX_PER_SUBJECT / MAX_REMINDERS;

    static final int MAX_CONTACTS = 50;
    static final int MAX_REMINDER_TEXT = 20;
    static final Duration LONGEST = Duration.ofDays(31);
    static final Duration EARLIEST_REMINDER = Duration.ofDays(28);

    private EventRules() {}

    static String text(String field, @Nullable String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw LiaisonException.invalid(field, "invalid.length", 1, max);
        }
        return text;
    }

    static @Nullable String optional(String field, @Nullable String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    static String kind(@Nullable String kind) {
        String value = kind == null || kind.isBlank() ? "meeting" : kind.strip();
        if (!CalendarEvent.KINDS.contains(value)) {
            throw LiaisonException.invalid("kind", "invalid.one-of", String.join(", ", CalendarEvent.KINDS));
        }
        return value;
    }

    /** The start and end: both given, within the years Liaison stores, the end after the start, at most 31 days. */
    static void range(@Nullable Instant start, @Nullable Instant end) {
        if (start == null) {
            throw LiaisonException.invalid("startAt", "invalid.required");
        }
        if (end == null) {
            throw LiaisonException.invalid("endAt", "invalid.required");
        }
        Times.checked("startAt", start.atOffset(ZoneOffset.UTC));
        Times.checked("endAt", end.atOffset(ZoneOffset.UTC));
        if (!end.isAfter(start)) {
            throw LiaisonException.invalid("endAt", "invalid.event-end");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw LiaisonException.invalid("endAt", "invalid.event-length", LONGEST.toDays());
        }
    }

    /** An http or https address with a host, at most 2,000 characters; {@code null} when blank. */
    static @Nullable String link(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String link = value.strip();
        String lower = link.toLowerCase(Locale.ROOT);
        boolean web = lower.startsWith("http://") || lower.startsWith("https://");
        try {
            if (link.length() > MAX_LINK || !web || new URI(link).getHost() == null) {
                throw LiaisonException.invalid("link", "invalid.event-link", MAX_LINK);
            }
        } catch (URISyntaxException e) {
            throw LiaisonException.invalid("link", "invalid.event-link", MAX_LINK);
        }
        return link;
    }

    /** At most five distinct durations from none to 28 days before the start, as ISO 8601 text, shortest first. */
    static List<String> reminders(List<String> values) {
        if (values.size() > MAX_REMINDERS) {
            throw LiaisonException.tooMany("reminders", MAX_REMINDERS);
        }
        List<Duration> seen = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Duration before = duration("reminders[" + i + "]", values.get(i));
            if (!seen.contains(before)) {
                seen.add(before);
            }
        }
        seen.sort(null);
        return seen.stream().map(Duration::toString).toList();
    }

    static Duration duration(String field, @Nullable String value) {
        try {
            String text = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
            Duration before = text.length() > MAX_REMINDER_TEXT ? Duration.ofDays(-1) : Duration.parse(text);
            if (before.isNegative() || before.compareTo(EARLIEST_REMINDER) > 0) {
                throw LiaisonException.invalid(field, "invalid.event-reminder", EARLIEST_REMINDER.toDays());
            }
            return before;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw LiaisonException.invalid(field, "invalid.event-reminder", EARLIEST_REMINDER.toDays());
        }
    }

    static void zoneKnown(String zone) {
        try {
            if (!EventIcs.knows(zone)) {
                throw LiaisonException.invalid("timeZone", "invalid.time-zone");
            }
        } catch (DateTimeException e) {
            throw LiaisonException.invalid("timeZone", "invalid.time-zone");
        }
    }
}
