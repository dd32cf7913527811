package io.liaison.task.web;

import io.liaison.shared.LiaisonException;
import io.liaison.task.recurrence.Recurrence;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the task form says a task repeats, and the RRULE it stands for (the subset {@link Recurrence}
 * reads): never; every N days; every N weeks on the ticked weekdays; every N months on a day of the
 * month (-1 the last); ending after a number of times when one is given. An UNTIL of a rule made
 * through the API is kept as it was.
 */
record Repeat(String kind, String every, List<String> days, String monthDay, String times, String until) {

    static final List<String> KINDS = List.of("none", "daily", "weekly", "monthly");
    static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    static final Repeat NONE = new Repeat("none", "1", List.of(), "", "", "");

    /** The form's fields for a stored rule; never for none. */
    static Repeat of(@Nullable String rule) {
        if (rule == null || rule.isBlank()) {
            return NONE;
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rule.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        String days = parts.getOrDefault("BYDAY", "");
        return new Repeat(
                parts.getOrDefault("FREQ", "NONE").toLowerCase(Locale.ROOT),
                parts.getOrDefault("INTERVAL", "1"),
                days.isEmpty() ? List.of() : Arrays.asList(days.split(",")),
                parts.getOrDefault("BYMONTHDAY", ""),
                parts.getOrDefault("COUNT", ""),
                parts.getOrDefault("UNTIL", ""));
    }

    /** The rule, or null for a task that does not repeat; a 400 at the form's field that is off. */
    @Nullable
    String rule() {
        if (kind.equals("none")) {
            return null;
        }
        if (!KINDS.contains(kind)) {
            throw LiaisonException.invalid("repeat", "invalid.one-of", String.join(", ", KINDS));
        }
        StringBuilder rule = new StringBuilder("FREQ=").append(kind.toUpperCase(Locale.ROOT));
        int interval = number("repeatEvery", every, 1, Recurrence.MAX_INTERVAL, 1);
        if (interval > 1) {
            rule.append(";INTERVAL=").append(interval);
        }
        if (kind.equals("weekly") && !days.isEmpty()) {
            if (!WEEKDAYS.containsAll(days)) {
                throw LiaisonException.invalid("repeatDays", "invalid.one-of", String.join(", ", WEEKDAYS));
            }
            rule.append(";BYDAY=")
                    .append(String.join(
                            ",", WEEKDAYS.stream().filter(days::contains).toList()));
        }
        if (kind.equals("monthly") && !monthDay.isBlank()) {
            rule.append(";BYMONTHDAY=").append(checkedMonthDay());
        }
        if (!times.isBlank()) {
            rule.append(";COUNT=").append(number("repeatTimes", times, 1, Recurrence.MAX_COUNT, 1));
        } else if (!until.isBlank()) {
            rule.append(";UNTIL=").append(until.strip());
        }
        return rule.toString();
    }

    /** A day of the month, 1 to 31, or -1 for the last. */
    private int checkedMonthDay() {
        try {
            int day = Integer.parseInt(monthDay.strip());
            if (day == -1 || (day >= 1 && day <= 31)) {
                return day;
            }
        } catch (NumberFormatException e) {
            // refused below, as a number out of range is
        }
        throw LiaisonException.invalid("repeatMonthDay", "invalid.task-month-day");
    }

    private static int number(String field, String text, int min, int max, int blank) {
        if (text.isBlank()) {
            return blank;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw LiaisonException.invalid(field, "invalid.between", min, max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw LiaisonException.invalid(field, "invalid.number");
        }
    }
}
