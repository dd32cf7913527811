package io.liaison.analytics.report;

import io.liaison.analytics.Metric;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.shared.LiaisonException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures a viewer may read, as series by period and as counts by tag, source and member. The
 * filter's member, department and tag must be ones the viewer may choose (else: not found), and a
 * tag only filters figures of contacts. A period without a row is zero; a rate or a median of a
 * period without questions has no value.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    /** The most tags, sources or members a ranking shows. */
    public static final int MAX_TOP = 50;

    public static final int DEFAULT_TOP = 10;

    private final FigureRepository figures;
    private final Medians medians;

    Reports(FigureRepository figures, Medians medians) {
        this.figures = figures;
        this.medians = medians;
    }

    /** A period, by its first day, and its value ({@code null}: a rate or median of nothing). */
    public record Point(LocalDate period, @Nullable BigDecimal value) {}

    public record Series(Figure figure, ReportFilter filter, List<Point> points) {}

    /** The names of what a filter chose, for the page and the API to show. */
    public record Chosen(
            @Nullable String member,
            @Nullable String department,
            @Nullable String tag) {}

    /** A ranked name with its count: a tag's active contacts and new ones, a source's or a member's figure. */
    public record Ranked(String key, String name, long value, long newContacts) {}

    /** One figure's series; a tag with a figure that has none is a 400. */
    @Transactional
    public Series series(Actor actor, Figure figure, ReportFilter filter) {
        return series(actor, List.of(figure), filter).get(figure);
    }

    /**
     * Several figures' series, reading the kept sums of all of them at once. Not read-only: a median
     * computed again is kept, as are the figures of a set of members from their first read.
     */
    @Transactional
    public Map<Figure, Series> series(Actor actor, List<Figure> wanted, ReportFilter f) {
        check(actor, f);
        for (Figure figure : wanted) {
            if (f.tagId() != null && !figure.byTag()) {
                throw LiaisonException.invalid("tagId", "invalid.analytics-by-tag");
            }
        }
        List<String> summed = new ArrayList<>();
        for (Figure figure : wanted) {
            if (figure.metric() != null && !special(figure.metric(), f)) {
                summed.add(stored(figure.metric(), f));
            } else if (figure.equals(Figure.REPLY_RATE)) {
                summed.add(Metric.QUESTIONS.code());
                summed.add(Metric.ANSWERED.code());
            }
        }
        // the members the report covers, read once for the sums and the median
        FigureRepository.Covered covered = figures.covered(actor, f);
        Map<String, Map<LocalDate, BigDecimal>> byKey = new HashMap<>();
        if (!summed.isEmpty()) {
            collect(byKey, figures.sums(actor, covered, summed, f));
        }
        Map<Figure, Series> result = new LinkedHashMap<>();
        List<LocalDate> periods = f.groupBy().periods(f.from(), f.to());
        for (Figure figure : wanted) {
            Map<LocalDate, BigDecimal> values = values(actor, figure, f, byKey, covered);
            boolean zeros = figure.isCount();
            List<Point> points = periods.stream()
                    .map(p -> new Point(p, values.getOrDefault(p, zeros ? BigDecimal.ZERO : null)))
                    .toList();
            result.put(figure, new Series(figure, f, points));
        }
        return result;
    }

    /**
     * The tags of the most active contacts in the range, each with its active and new contacts. Not
     * read-only: the figures of a set of members are kept from their first read.
     */
    @Transactional
    public List<Ranked> byTag(Actor actor, ReportFilter f, int limit) {
        check(actor, f);
        return figures.byTag(actor, f, top(limit)).stream()
                .map(c -> new Ranked(c.key(), c.name(), c.first(), c.second()))
                .toList();
    }

    /**
     * The new contacts of the range by source ({@code manual}, {@code import}...), most first. Not
     * read-only, as {@link #byTag}.
     */
    @Transactional
    public List<Ranked> bySource(Actor actor, ReportFilter f) {
        check(actor, f);
        return figures.bySource(actor, f).stream()
                .map(c -> new Ranked(c.key(), c.name(), c.first(), 0))
                .toList();
    }

    /** The members with the highest figure in the range (a kept metric), by name. */
    public List<Ranked> leaders(Actor actor, Figure figure, ReportFilter f, int limit) {
        check(actor, f);
        if (figure.metric() == null) {
            throw LiaisonException.invalid("rank", "invalid.analytics-ranked");
        }
        if (f.tagId() != null && !figure.byTag()) {
            throw LiaisonException.invalid("tagId", "invalid.analytics-by-tag");
        }
        return figures.leaders(actor, figure, f, top(limit)).stream()
                .map(c -> new Ranked(c.key(), c.name(), c.first(), 0))
                .toList();
    }

    /**
     * The names of the filter's member, department and tag, each checked: a member whose figures the
     * viewer may not see, a department outside their data scope or a tag of another organization is
     * not found, as if it did not exist.
     */
    public Chosen check(Actor actor, ReportFilter f) {
        String member = null;
        if (f.memberId() != null) {
            member = figures.visibleMember(actor, f.memberId());
            if (member == null) {
                throw LiaisonException.notFound("member", f.memberId());
            }
        }
        String department = null;
        if (f.deptId() != null) {
            department = figures.names(actor, "department", List.of(f.deptId())).get(f.deptId());
            if (department == null || !mayChoose(actor, f.deptId())) {
                throw LiaisonException.notFound("department", f.deptId());
            }
        }
        String tag = null;
        if (f.tagId() != null) {
            tag = figures.names(actor, "tag", List.of(f.tagId())).get(f.tagId());
            if (tag == null) {
                throw LiaisonException.notFound("tag", f.tagId());
            }
        }
        return new Chosen(member, department, tag);
    }

    /**
     * Departments whose figures the viewer may ask for: any for the whole organization, else those of
     * their data scope (none for a member who sees only their own).
     */
    public static boolean mayChoose(Actor actor, UUID departmentId) {
        return actor.dataScope() == DataScope.ALL || actor.scopeDepartmentIds().contains(departmentId);
    }

    public static int top(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_TOP;
        }
        if (limit < 1 || limit > MAX_TOP) {
            throw LiaisonException.invalid("limit", "invalid.between", 1, MAX_TOP);
        }
        return limit;
    }

    /** Figures of contacts with a tag: counted from the contacts' days, not read from kept sums. */
    private static boolean special(Metric metric, ReportFilter f) {
        return f.tagId() != null && (metric == Metric.ACTIVE_CONTACTS || metric == Metric.NEW_CONTACTS);
    }

    /** The kept rows a metric is read from: by day, or by week or month for one counted once a period. */
    private static String stored(Metric metric, ReportFilter f) {
        return metric.distinctByPeriod() && f.groupBy() != GroupBy.DAY
                ? metric.code(f.groupBy().code())
                : metric.code();
    }

    private Map<LocalDate, BigDecimal> values(
            Actor actor,
            Figure figure,
            ReportFilter f,
            Map<String, Map<LocalDate, BigDecimal>> sums,
            FigureRepository.Covered covered) {
        Metric metric = figure.metric();
        if (metric != null && special(metric, f)) {
            Map<String, Map<LocalDate, BigDecimal>> own = new HashMap<>();
            collect(own, figures.contacts(actor, metric == Metric.NEW_CONTACTS, f));
            return own.getOrDefault("", Map.of());
        }
        if (metric != null) {
            return sums.getOrDefault(stored(metric, f), Map.of());
        }
        if (figure.equals(Figure.REPLY_RATE)) {
            Map<LocalDate, BigDecimal> asked = sums.getOrDefault(Metric.QUESTIONS.code(), Map.of());
            Map<LocalDate, BigDecimal> answered = sums.getOrDefault(Metric.ANSWERED.code(), Map.of());
            Map<LocalDate, BigDecimal> rates = new HashMap<>();
            asked.forEach((period, n) -> rates.put(
                    period,
                    answered.getOrDefault(period, BigDecimal.ZERO)
                            .multiply(BigDecimal.valueOf(100))
                            .divide(n, 1, RoundingMode.HALF_UP)));
            return rates;
        }
        return medians.minutes(actor, f, covered.scope());
    }

    private static void collect(Map<String, Map<LocalDate, BigDecimal>> into, List<FigureRepository.Point> points) {
        for (FigureRepository.Point p : points) {
            into.computeIfAbsent(p.key(), k -> new HashMap<>()).put(p.period(), p.value());
        }
    }
}
