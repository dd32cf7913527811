package io.liaison.analytics.report;

import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a report reads: the organization's days {@code from} to {@code to} (both included, at most
 * {@value #MAX_DAYS} asked for), grouped by day, week or month, of one member, one department's tree or
 * the contacts with one tag when given. Left out, the range is the last {@value #DEFAULT_DAYS} days up
 * to today in the organization's time zone. Grouped by week or month, the range widens to whole
 * periods, so that every period counts all of its days (a contact active on Monday and on Friday is one
 * active contact of that week, whichever day the range began).
 */
public record ReportFilter(
        LocalDate from,
        LocalDate to,
        GroupBy groupBy,
        @Nullable UUID memberId,
        @Nullable UUID deptId,
        @Nullable UUID tagId) {

    /** The longest range one report reads: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    public static final int DEFAULT_DAYS = 30;

    public ReportFilter {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw LiaisonException.invalid("to", "invalid.analytics-range", MAX_DAYS);
        }
        from = groupBy.start(from);
        to = groupBy.end(to);
    }

    /** The filter of a request's parameters, each checked: a bad date or grouping is a 400 naming it. */
    public static ReportFilter of(
            Actor actor,
            @Nullable String from,
            @Nullable String to,
            @Nullable String groupBy,
            @Nullable UUID memberId,
            @Nullable UUID deptId,
            @Nullable UUID tagId) {
        LocalDate today = today(actor);
        LocalDate last = date("to", to, today);
        LocalDate first = date("from", from, last.minusDays(DEFAULT_DAYS - 1));
        return new ReportFilter(first, last, GroupBy.of(groupBy), memberId, deptId, tagId);
    }

    /** Today in the organization's time zone, whose days the figures are kept by. */
    public static LocalDate today(Actor actor) {
        return LocalDate.now(actor.organizationTimeZone());
    }

    /** The number of days in the range. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate date(String field, @Nullable String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw LiaisonException.invalid(field, "invalid.date");
        }
    }
}
