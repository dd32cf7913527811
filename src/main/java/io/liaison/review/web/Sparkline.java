package io.liaison.review.web;

import io.liaison.review.finding.FindingQueries.DayCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A kind's trend as a row of small bars: one a day, the highest day filling the height (in pixels),
 * each with its day and count for a tooltip.
 */
record Sparkline(String kind, long highest, List<Bar> bars) {

    static final int HEIGHT = 31;

    record Bar(int height, DayCount day) {}

    static List<Sparkline> of(Map<String, List<DayCount>> trend) {
        List<Sparkline> lines = new ArrayList<>();
        trend.forEach((kind, days) -> {
            long highest = days.stream().mapToLong(DayCount::open).max().orElse(0);
            List<Bar> bars = new ArrayList<>();
            for (DayCount day : days) {
                int height = highest == 0 ? 0 : (int) Math.max(1, Math.round(day.open() * (double) HEIGHT / highest));
                bars.add(new Bar(height, day));
            }
            lines.add(new Sparkline(kind, highest, bars));
        });
        return lines;
    }
}
