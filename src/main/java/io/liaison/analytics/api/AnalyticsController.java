package io.liaison.analytics.api;

import io.liaison.analytics.report.Figure;
import io.liaison.analytics.report.ReportFilter;
import io.liaison.analytics.report.Reports;
import io.liaison.analytics.web.AnalyticsCsv;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures, and one figure's series over a range of the organization's days by day, week or
 * month, of a member, a department's tree or a tag: the caller's own figures and those of the
 * members their data scope covers. The same series as CSV when asked for {@code text/csv}.
 */
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

    private final Reports reports;
    private final MessageSource messages;

    AnalyticsController(Reports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    /** A figure one may ask a series of. */
    record FigureResponse(
            @Schema(
                    description = "The figure's code, the path's {metric}.",
                    maxLength = 40,
                    example = "contacts.active")
            String metric,

            @Schema(description = "Its name in the caller's language.", maxLength = 100, example = "Active contacts")
            String name,

            @Schema(
                    description = "What a value is: a count, a percentage or minutes.",
                    allowableValues = {"count", "percent", "minutes"},
                    example = "count")
            String unit,

            @Schema(description = "Whether the figure can be read for the contacts with a tag.", example = "true")
            boolean byTag) {}

    /** A period and the figure's value in it. */
    record PointResponse(
            @Schema(
                    description = "The period: a day (2026-12-05), an ISO week (2026-W49) or a month (2026-12).",
                    maxLength = 10,
                    example = "2026-12-05")
            String period,

            @Schema(
                    description = "The value; 0 for a count of nothing, null for a rate or median of no questions.",
                    example = "12")
            @Nullable
            BigDecimal value) {}

    /** A figure's series. */
    record SeriesResponse(
            @Schema(maxLength = 40, example = "contacts.active")
            String metric,

            @Schema(maxLength = 100, example = "Active contacts")
            String name,

            @Schema(description = "The first day, in the organization's time zone.", example = "2026-11-06")
            java.time.LocalDate from,

            @Schema(description = "The last day, included.", example = "2026-12-05")
            java.time.LocalDate to,

            @Schema(
                    allowableValues = {"day", "week", "month"},
                    example = "day")
            String groupBy,

            @Schema(description = "Every period of the range, in order.")
            List<PointResponse> series) {}

    @GetMapping
    List<FigureResponse> figures(Actor actor) {
        Locale locale = LocaleContextHolder.getLocale();
        return Figure.all().stream()
                .map(f -> new FigureResponse(f.code(), name(f, locale), unit(f), f.byTag()))
                .toList();
    }

    @Operation(summary = "A figure's series", operationId = "analyticsSeries")
    @GetMapping(path = "/{metric}", produces = MediaType.APPLICATION_JSON_VALUE)
    SeriesResponse series(
            Actor actor,
            @Parameter(
                            description = "A figure's code, as GET /api/v1/analytics lists them.",
                            example = "contacts.active")
                    @PathVariable
                    String metric,
            @Parameter(description = "The first day (default: 29 days before to); at most 366 days in all.")
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(description = "The last day, included (default: today in the organization's time zone).")
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @Parameter(
                            schema =
                                    @Schema(
                                            allowableValues = {"day", "week", "month"},
                                            defaultValue = "day"))
                    @RequestParam(required = false)
                    @Nullable
                    String groupBy,
            @Parameter(description = "Only this member's figures.") @RequestParam(required = false) @Nullable
                    UUID memberId,
            @Parameter(description = "Only the figures of the members of this department and its sub-departments.")
                    @RequestParam(required = false)
                    @Nullable
                    UUID deptId,
            @Parameter(description = "Only contacts with this tag (new and active contacts only).")
                    @RequestParam(required = false)
                    @Nullable
                    UUID tagId) {
        Figure figure = figure(metric);
        Reports.Series series =
                reports.series(actor, figure, ReportFilter.of(actor, from, to, groupBy, memberId, deptId, tagId));
        ReportFilter f = series.filter();
        return new SeriesResponse(
                figure.code(),
                name(figure, LocaleContextHolder.getLocale()),
                f.from(),
                f.to(),
                f.groupBy().code(),
                series.points().stream()
                        .map(p -> new PointResponse(f.groupBy().period(p.period()), p.value()))
                        .toList());
    }

    @Operation(summary = "A figure's series as CSV", operationId = "analyticsSeriesCsv")
    @ApiResponse(
            responseCode = "200",
            description = "The series as CSV (UTF-8 with BOM): a header row naming the period and the figure in the"
                    + " caller's language, then a row per period.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @GetMapping(path = "/{metric}", produces = "text/csv")
    ResponseEntity<byte[]> csv(
            Actor actor,
            @PathVariable String metric,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String groupBy,
            @RequestParam(required = false) @Nullable UUID memberId,
            @RequestParam(required = false) @Nullable UUID deptId,
            @RequestParam(required = false) @Nullable UUID tagId) {
        SeriesResponse series = series(actor, metric, from, to, groupBy, memberId, deptId, tagId);
        Locale locale = LocaleContextHolder.getLocale();
        return AnalyticsCsv.download(
                series.metric(),
                series.from(),
                series.to(),
                List.of(messages.getMessage("analytics.period", null, locale), series.name()),
                series.series().stream()
                        .map(p -> List.of(
                                p.period(), p.value() == null ? "" : p.value().toPlainString()))
                        .toList());
    }

    private static Figure figure(String metric) {
        return Figure.of(metric).orElseThrow(() -> LiaisonException.notFound("analytics-figure", metric));
    }

    private String name(Figure figure, Locale locale) {
        return messages.getMessage(figure.nameKey(), null, locale);
    }

    private static String unit(Figure figure) {
        if (figure.isCount()) {
            return "count";
        }
        return figure.equals(Figure.REPLY_RATE) ? "percent" : "minutes";
    }
}
