package io.liaison.analytics.report;

import io.liaison.shared.LiaisonException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a series is grouped: by day, by ISO week (Monday to Sunday) or by calendar month of the
 * organization's days. A period is named by its first day; a range grouped by week or month covers
 * whole periods ({@link ReportFilter}).
 */
public enum GroupBy {
    DAY,
    WEEK,
    MONTH;

    /** The name in the API ({@code day}, {@code week}, {@code month}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit of PostgreSQL's {@code date_trunc}. */
    String unit() {
        return code();
    }

    /** The parameter's value; {@code null} is by day, anything else not one of the three a 400. */
    public static GroupBy of(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return DAY;
        }
        for (GroupBy g : values()) {
            if (g.code().equals(code.strip())) {
                return g;
            }
        }
        throw LiaisonException.invalid("groupBy", "invalid.one-of", "day, week, month");
    }

    /**
     * The period's name in the API and in files: {@code 2026-12-05}, the ISO week {@code 2026-W49},
     * or the month {@code 2026-12}.
     */
    public String period(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK ->
                "%d-W%02d"
                        .formatted(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(start).toString();
        };
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The last day of the period holding {@code day}. */
    public LocalDate end(LocalDate day) {
        return next(start(day)).minusDays(1);
    }

    /** The periods from {@code from} to {@code to}, by their first days. */
    public List<LocalDate> periods(LocalDate from, LocalDate to) {
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate p = start(from); !p.isAfter(to); p = next(p)) {
            periods.add(p);
        }
        return periods;
    }

    private LocalDate next(LocalDate period) {
        return switch (this) {
            case DAY -> period.plusDays(1);
            case WEEK -> period.plusWeeks(1);
            case MONTH -> period.plusMonths(1);
        };
    }
}
