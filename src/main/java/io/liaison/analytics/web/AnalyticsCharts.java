package io.liaison.analytics.web;

import io.liaison.analytics.Metric;
import io.liaison.analytics.report.Figure;
import io.liaison.analytics.report.GroupBy;
import io.liaison.analytics.report.ReportFilter;
import io.liaison.analytics.report.Reports;
import io.liaison.analytics.web.ChartView.Dataset;
import io.liaison.identity.Actor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The analytics page's charts: trends of contacts, follow-ups by type, messages, replies, groups,
 * pushes and tasks; contacts by tag and new contacts by source; and the members with the highest
 * figure. With a tag chosen, only the charts of contacts (which have tags) are made.
 */
@Component
class AnalyticsCharts {

    /** The charts of trends, each with its figures. */
    static final Map<String, List<Figure>> TRENDS = trends();

    static final List<String> IDS = ids();

    private final Reports reports;
    private final MessageSource messages;

    AnalyticsCharts(Reports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    /** Every chart of the page for the filter, in the page's order; the trends' figures read at once. */
    List<ChartView> all(Actor actor, ReportFilter f, Figure ranked, Locale locale) {
        Map<Figure, Reports.Series> series = trendSeries(actor, IDS, f);
        List<ChartView> charts = new ArrayList<>();
        for (String id : IDS) {
            view(actor, id, f, ranked, locale, series).ifPresent(charts::add);
        }
        return charts;
    }

    /** One chart by its id; empty when the id names none, or a chart a tag does not apply to. */
    Optional<ChartView> chart(Actor actor, String id, ReportFilter f, Figure ranked, Locale locale) {
        return view(actor, id, f, ranked, locale, trendSeries(actor, List.of(id), f));
    }

    private static boolean shown(String id, ReportFilter f) {
        return IDS.contains(id) && (f.tagId() == null || byTag(id));
    }

    /** The series of the figures of those of the charts that are trends shown for the filter, in one read. */
    private Map<Figure, Reports.Series> trendSeries(Actor actor, List<String> ids, ReportFilter f) {
        List<Figure> figures = ids.stream()
                .filter(id -> shown(id, f) && TRENDS.containsKey(id))
                .flatMap(id -> TRENDS.get(id).stream())
                .toList();
        return figures.isEmpty() ? Map.of() : reports.series(actor, figures, f);
    }

    /** The chart, its trend's figures taken from {@code series}. */
    private Optional<ChartView> view(
            Actor actor, String id, ReportFilter f, Figure ranked, Locale locale, Map<Figure, Reports.Series> series) {
        if (!shown(id, f)) {
            return Optional.empty();
        }
        String title = text("analytics.chart." + id, locale);
        if (TRENDS.containsKey(id)) {
            return Optional.of(trend(id, title, f, series, locale));
        }
        return Optional.of(
                switch (id) {
                    case "tags" -> {
                        List<Reports.Ranked> tags = reports.byTag(actor, f, Reports.DEFAULT_TOP);
                        yield new ChartView(
                                id,
                                title,
                                "bar",
                                false,
                                true,
                                text("analytics.axis.tag", locale),
                                tags.stream().map(Reports.Ranked::name).toList(),
                                List.of(
                                        dataset(Figure.of(Metric.ACTIVE_CONTACTS), tags, Reports.Ranked::value, locale),
                                        dataset(
                                                Figure.of(Metric.NEW_CONTACTS),
                                                tags,
                                                Reports.Ranked::newContacts,
                                                locale)));
                    }
                    case "sources" -> {
                        List<Reports.Ranked> sources = reports.bySource(actor, f);
                        yield new ChartView(
                                id,
                                title,
                                "doughnut",
                                false,
                                false,
                                text("analytics.axis.source", locale),
                                sources.stream()
                                        .map(s -> text("analytics.source." + s.key(), locale))
                                        .toList(),
                                List.of(dataset(
                                        Figure.of(Metric.NEW_CONTACTS), sources, Reports.Ranked::value, locale)));
                    }
                    default -> {
                        List<Reports.Ranked> leaders = reports.leaders(actor, ranked, f, Reports.DEFAULT_TOP);
                        yield new ChartView(
                                id,
                                title,
                                "bar",
                                false,
                                true,
                                text("analytics.axis.member", locale),
                                leaders.stream().map(Reports.Ranked::name).toList(),
                                List.of(dataset(ranked, leaders, Reports.Ranked::value, locale)));
                    }
                });
    }

    static boolean byTag(String id) {
        return !TRENDS.containsKey(id) || TRENDS.get(id).stream().allMatch(Figure::byTag);
    }

    /** A trend chart from the series of (at least) its figures. */
    private ChartView trend(
            String id, String title, ReportFilter f, Map<Figure, Reports.Series> series, Locale locale) {
        List<Figure> figures = TRENDS.get(id);
        List<LocalDate> periods = f.groupBy().periods(f.from(), f.to());
        List<Dataset> datasets = figures.stream()
                .map(fig -> new Dataset(
                        text(fig.nameKey(), locale),
                        series.get(fig).points().stream()
                                .map(Reports.Point::value)
                                .toList(),
                        fig.equals(Figure.FIRST_REPLY_MINUTES)))
                .toList();
        boolean stacked = id.equals("follow-ups");
        return new ChartView(
                id,
                title,
                stacked ? "bar" : "line",
                stacked,
                false,
                text("analytics.period", locale),
                periods.stream().map(p -> label(f.groupBy(), p, locale)).toList(),
                datasets);
    }

    private Dataset dataset(
            Figure figure, List<Reports.Ranked> ranked, Function<Reports.Ranked, Long> value, Locale locale) {
        return new Dataset(
                text(figure.nameKey(), locale),
                ranked.stream().map(r -> BigDecimal.valueOf(value.apply(r))).toList(),
                false);
    }

    /** A period as the reader says it: a day, the week beginning on a day, a month. */
    String label(GroupBy groupBy, LocalDate start, Locale locale) {
        return switch (groupBy) {
            case DAY ->
                DateTimeFormatter.ofPattern(text("analytics.format.day", locale), locale)
                        .format(start);
            case WEEK ->
                messages.getMessage(
                        "analytics.format.week",
                        new Object[] {
                            DateTimeFormatter.ofPattern(text("analytics.format.day", locale), locale)
                                    .format(start)
                        },
                        locale);
            case MONTH ->
                DateTimeFormatter.ofPattern(text("analytics.format.month", locale), locale)
                        .format(start);
        };
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static Map<String, List<Figure>> trends() {
        Map<String, List<Figure>> trends = new java.util.LinkedHashMap<>();
        trends.put("contacts", figures(Metric.NEW_CONTACTS, Metric.ACTIVE_CONTACTS));
        trends.put(
                "follow-ups",
                figures(
                        Metric.FOLLOW_UPS_NOTE,
                        Metric.FOLLOW_UPS_CALL,
                        Metric.FOLLOW_UPS_VISIT,
                        Metric.FOLLOW_UPS_MEETING,
                        Metric.FOLLOW_UPS_MESSAGE,
                        Metric.FOLLOW_UPS_EMAIL));
        trends.put("messages", figures(Metric.MESSAGES_SENT, Metric.MESSAGES_RECEIVED));
        trends.put("replies", List.of(Figure.REPLY_RATE, Figure.FIRST_REPLY_MINUTES));
        trends.put("groups", figures(Metric.ACTIVE_GROUPS));
        trends.put("pushes", figures(Metric.PUSH_REACHED, Metric.PUSH_FAILED, Metric.OPT_OUTS));
        trends.put("tasks", figures(Metric.TASKS_DONE, Metric.TASKS_ON_TIME));
        return java.util.Collections.unmodifiableMap(trends);
    }

    private static List<Figure> figures(Metric... metrics) {
        return java.util.Arrays.stream(metrics).map(Figure::of).toList();
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>(TRENDS.keySet());
        ids.addAll(List.of("tags", "sources", "members"));
        return List.copyOf(ids);
    }
}
