package io.liaison.task.recurrence;

import io.liaison.shared.LiaisonException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import net.fortuna.ical4j.model.Recur;
import org.jspecify.annotations.Nullable;

/**
 * How a task repeats: the part of RFC 5545's RRULE that Liaison offers (every N days; every N weeks on
 * given weekdays; every N months on given days of the month, -1 the last; ending after a count or on a
 * day), checked here and expanded by ical4j in the task's own time zone, so that a task due at 09:00 in
 * New York stays at 09:00 across a daylight-saving change.
 */
public final class Recurrence {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_INTERVAL = 99;
    public static final int MAX_COUNT = 1_000;

    private static final Set<String> FREQUENCIES = Set.of("DAILY", "WEEKLY", "MONTHLY");
    private static final Set<String> WEEKDAYS = Set.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final DateTimeFormatter UNTIL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter UNTIL_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final String rule;
    private final Recur<ZonedDateTime> recur;
    private final @Nullable Instant until;
    private final @Nullable LocalDate untilDay;

    private Recurrence(String rule, Recur<ZonedDateTime> recur, @Nullable Instant until, @Nullable LocalDate untilDay) {
        this.rule = rule;
        this.recur = recur;
        this.until = until;
        this.untilDay = untilDay;
    }

    /** The rule as stored, in a canonical order. */
    public String rule() {
        return rule;
    }

    /**
     * Reads a rule such as {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH}; anything outside the subset, or
     * a value out of range, is a 400 naming {@code recurrence}.
     */
    public static Recurrence parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw refused();
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.strip().toUpperCase(Locale.ROOT).split(";")) {
            int equals = part.indexOf('=');
            if (equals < 1 || parts.put(part.substring(0, equals), part.substring(equals + 1)) != null) {
                throw refused();
            }
        }
        String frequency = parts.remove("FREQ");
        if (frequency == null || !FREQUENCIES.contains(frequency)) {
            throw refused();
        }
        StringJoiner canonical = new StringJoiner(";").add("FREQ=" + frequency);
        String interval = parts.remove("INTERVAL");
        if (interval != null) {
            canonical.add("INTERVAL=" + number(interval, 1, MAX_INTERVAL));
        }
        String days = parts.remove("BYDAY");
        if (days != null) {
            if (!frequency.equals("WEEKLY")
                    || !List.of(days.split(",", -1)).stream().allMatch(WEEKDAYS::contains)) {
                throw refused();
            }
            canonical.add("BYDAY=" + days);
        }
        String monthDays = parts.remove("BYMONTHDAY");
        if (monthDays != null) {
            String[] values = monthDays.split(",", -1);
            if (!frequency.equals("MONTHLY") || values.length > 5) {
                throw refused();
            }
            for (String value : values) {
                if (!value.equals("-1")) {
                    number(value, 1, 31);
                }
            }
            canonical.add("BYMONTHDAY=" + monthDays);
        }
        String count = parts.remove("COUNT");
        String untilText = parts.remove("UNTIL");
        if (!parts.isEmpty() || (count != null && untilText != null)) {
            throw refused();
        }
        if (count != null) {
            canonical.add("COUNT=" + number(count, 1, MAX_COUNT));
        }
        Instant until = null;
        LocalDate untilDay = null;
        String expanded = canonical.toString();
        if (untilText != null) {
            try {
                if (untilText.length() == 8) {
                    untilDay = LocalDate.parse(untilText, UNTIL_DAY);
                } else {
                    until = LocalDateTime.parse(untilText, UNTIL_UTC).toInstant(ZoneOffset.UTC);
                }
            } catch (DateTimeParseException e) {
                throw refused();
            }
            canonical.add("UNTIL=" + untilText);
        }
        return new Recurrence(canonical.toString(), new Recur<>(expanded), until, untilDay);
    }

    /**
     * The occurrences of a series whose first is {@code first} (itself one of them), from {@code from}
     * (included) to {@code to} (excluded), in {@code first}'s zone, at most {@code max}.
     */
    public List<ZonedDateTime> between(ZonedDateTime first, ZonedDateTime from, ZonedDateTime to, int max) {
        // ical4j's period includes its end
        return recur.getDates(first, from, to, max + 1).stream()
                .filter(date -> date.isBefore(to) && notPastUntil(date))
                .limit(max)
                .toList();
    }

    /** The occurrence after {@code after}, none when the series has ended. */
    public Optional<ZonedDateTime> next(ZonedDateTime first, ZonedDateTime after) {
        return Optional.ofNullable(recur.getNextDate(first, after)).filter(this::notPastUntil);
    }

    /** An UNTIL time is in UTC; an UNTIL day is the last day in the task's own zone. */
    private boolean notPastUntil(ZonedDateTime occurrence) {
        return (until == null || !occurrence.toInstant().isAfter(until))
                && (untilDay == null || !occurrence.toLocalDate().isAfter(untilDay));
    }

    private static int number(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw refused();
            }
            return value;
        } catch (NumberFormatException e) {
            throw refused();
        }
    }

    private static LiaisonException refused() {
        return LiaisonException.invalid("recurrence", "invalid.recurrence", MAX_INTERVAL, MAX_COUNT);
    }

    @Override
    public String toString() {
        return rule;
    }
}
