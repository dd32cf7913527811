package io.liaison.review.web;

import io.liaison.review.finding.FindingQueries.DayCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A kind's trend as the bars of a small inline SVG: one bar a day, the highest day filling the height,
 * each with its day and count for a tooltip; and the latest count.
 */
record Sparkline(String kind, long latest, long highest, List<Bar> bars) {

    static final int WIDTH = 5;
    static final int HEIGHT = 32;

    record Bar(int x, int y, int height, DayCount day) {}

    static List<Sparkline> of(Map<String, List<DayCount>> trend) {
        List<Sparkline> lines = new ArrayList<>();
        trend.forEach((kind, days) -> {
            long highest = days.stream().mapToLong(DayCount::open).max().orElse(0);
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                DayCount day = days.get(i);
                int height = highest == 0 ? 0 : (int) Math.max(1, Math.round(day.open() * (double) HEIGHT / highest));
                bars.add(new Bar(i * WIDTH, HEIGHT - height, height, day));
            }
            long latest = days.isEmpty() ? 0 : days.get(days.size() - 1).open();
            lines.add(new Sparkline(kind, latest, highest, bars));
        });
        return lines;
    }

    int width() {
        return bars.size() * WIDTH;
    }
}
