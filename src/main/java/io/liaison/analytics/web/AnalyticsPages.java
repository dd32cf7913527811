package io.liaison.analytics.web;

import io.liaison.analytics.Metric;
import io.liaison.analytics.report.Figure;
import io.liaison.analytics.report.ReportFilter;
import io.liaison.analytics.report.Reports;
import io.liaison.contact.ContactSetup;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.shared.LiaisonException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics page: the filters (a range with 7, 30 and 90 days at a click, the grouping, a member,
 * a department, a tag) and the charts, each with its numbers as a table and as a CSV file.
 */
@Controller
class AnalyticsPages {

    /** The figures the member ranking can show: the kept ones. */
    static final List<Figure> RANKABLE =
            Figure.all().stream().filter(f -> f.metric() != null).toList();

    private final AnalyticsCharts charts;
    private final Reports reports;
    private final DepartmentService departments;
    private final ContactSetup setup;
    private final JsonMapper json;

    AnalyticsPages(
            AnalyticsCharts charts,
            Reports reports,
            DepartmentService departments,
            ContactSetup setup,
            JsonMapper json) {
        this.charts = charts;
        this.reports = reports;
        this.departments = departments;
        this.setup = setup;
        this.json = json;
    }

    /** A chart with its data as the script reads it, and its CSV's address. */
    record Drawn(ChartView chart, String data, String csv) {}

    /** A preset range: its days and the page's address with it. */
    record Preset(int days, String href, boolean current) {}

    @GetMapping("/analytics")
    String page(
            Actor actor,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String groupBy,
            @RequestParam(required = false) @Nullable UUID memberId,
            @RequestParam(required = false) @Nullable UUID deptId,
            @RequestParam(required = false) @Nullable UUID tagId,
            @RequestParam(required = false) @Nullable String rank,
            Model model) {
        ReportFilter f = ReportFilter.of(actor, from, to, groupBy, memberId, deptId, tagId);
        Figure ranked = ranked(rank, f);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("filter", f);
        model.addAttribute("chosen", reports.check(actor, f));
        model.addAttribute("ranked", ranked);
        model.addAttribute(
                "rankable",
                RANKABLE.stream().filter(r -> f.tagId() == null || r.byTag()).toList());
        model.addAttribute(
                "charts",
                charts.all(actor, f, ranked, locale).stream()
                        .map(c -> new Drawn(c, json.writeValueAsString(c), csv(c.id())))
                        .toList());
        model.addAttribute("presets", presets(actor, f));
        model.addAttribute("zone", actor.organizationTimeZone().getId());
        model.addAttribute("pickMember", actor.dataScope() != DataScope.SELF);
        List<DepartmentTree.Node> tree =
                DepartmentTree.of(departments.list(actor)).nodes();
        model.addAttribute("departments", tree);
        model.addAttribute(
                "choosableDepartments",
                tree.stream()
                        .filter(n -> Reports.mayChoose(actor, n.department().id()))
                        .toList());
        model.addAttribute("tagGroups", setup.tagGroups(actor));
        return "analytics/analytics";
    }

    /** A chart's table as CSV, for the same filters as the page. */
    @GetMapping("/analytics/{chart}.csv")
    ResponseEntity<byte[]> csv(
            Actor actor,
            @PathVariable String chart,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String groupBy,
            @RequestParam(required = false) @Nullable UUID memberId,
            @RequestParam(required = false) @Nullable UUID deptId,
            @RequestParam(required = false) @Nullable UUID tagId,
            @RequestParam(required = false) @Nullable String rank) {
        ReportFilter f = ReportFilter.of(actor, from, to, groupBy, memberId, deptId, tagId);
        ChartView view = charts.chart(actor, chart, f, ranked(rank, f), LocaleContextHolder.getLocale())
                .orElseThrow(() -> LiaisonException.notFound("analytics-chart", chart));
        return AnalyticsCsv.download(chart, f.from(), f.to(), view.header(), view.rows());
    }

    /** The figure to rank members by: the one asked for, else active contacts. */
    private static Figure ranked(@Nullable String rank, ReportFilter f) {
        if (rank == null || rank.isBlank()) {
            return Figure.of(Metric.ACTIVE_CONTACTS);
        }
        return RANKABLE.stream()
                .filter(r -> r.code().equals(rank) && (f.tagId() == null || r.byTag()))
                .findFirst()
                .orElseThrow(() -> LiaisonException.invalid("rank", "invalid.analytics-ranked"));
    }

    /** The address of a chart's CSV: this page's query under the chart's name. */
    private static String csv(String chart) {
        return relative(ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/analytics/" + chart + ".csv"));
    }

    private static List<Preset> presets(Actor actor, ReportFilter f) {
        LocalDate today = ReportFilter.today(actor);
        return List.of(7, 30, 90).stream()
                .map(days -> new Preset(
                        days,
                        relative(ServletUriComponentsBuilder.fromCurrentRequest()
                                .replaceQueryParam(
                                        "from", today.minusDays(days - 1).toString())
                                .replaceQueryParam("to", today.toString())),
                        f.to().equals(today) && f.days() == days))
                .toList();
    }

    /** The path and query of an address of this server, for a link. */
    private static String relative(UriComponentsBuilder builder) {
        UriComponents uri = builder.build();
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }
}
