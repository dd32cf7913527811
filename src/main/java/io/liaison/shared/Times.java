package io.liaison.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The times and dates Liaison accepts: the years 1 to 9999. Java reads years far beyond what
 * PostgreSQL stores ({@code +294277-01-01T00:00:00Z}, {@code -4714-01-01}), which would fail in the
 * database as a 500; ISO 8601's four-digit years are also all that browsers and Excel show.
 */
public final class Times {

    public static final String RULE = "invalid.year-range";

    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST =
            OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC);

    private Times() {}

    public static boolean storable(OffsetDateTime at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    public static boolean storable(LocalDate day) {
        return day.getYear() >= 1 && day.getYear() <= 9999;
    }

    /** {@code at}, or a 400 naming {@code field} when it lies outside the years Liaison stores. */
    public static @Nullable OffsetDateTime checked(String field, @Nullable OffsetDateTime at) {
        if (at != null && !storable(at)) {
            throw LiaisonException.invalid(field, RULE);
        }
        return at;
    }

    public static @Nullable LocalDate checked(String field, @Nullable LocalDate day) {
        if (day != null && !storable(day)) {
            throw LiaisonException.invalid(field, RULE);
        }
        return day;
    }
}
