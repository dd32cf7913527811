package io.liaison.analytics.report;

import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The median minutes from a guest's question to its first answer, of those asked in each period
 * (unanswered ones are not counted). A median does not add up from kept parts, so each period's is
 * kept as computed for the members the report covers ({@code analytics_median}, V68), with the
 * version of the period's questions it was computed from, and used while that version is still the
 * period's: only a period whose questions changed is read from the questions again, sorted from the
 * index by day.
 */
@Repository
class Medians {

    private final JdbcClient jdbc;
    private final FigureRepository figures;

    Medians(JdbcClient jdbc, FigureRepository figures) {
        this.jdbc = jdbc;
        this.figures = figures;
    }

    /**
     * The median of each period of the range that has an answered question, kept under {@code scope}: the
     * key of the members the report covers ({@link FigureRepository#covered}).
     */
    Map<LocalDate, BigDecimal> minutes(Actor actor, ReportFilter f, String scope) {
        String unit = f.groupBy().unit();
        Map<LocalDate, BigDecimal> medians = new HashMap<>();
        List<LocalDate> stale = new ArrayList<>(f.groupBy().periods(f.from(), f.to()));
        jdbc.sql("""
                        SELECT k.period, k.minutes FROM analytics_median k
                         WHERE k.org_id = ? AND k.scope = ? AND k.unit = ? AND k.period BETWEEN ? AND ?
                           AND k.version = %s
                        """.formatted(version("k.org_id", "k.period", unit)))
                .params(actor.orgId(), scope, unit, f.from(), f.to())
                .query(rs -> {
                    LocalDate period = rs.getObject(1, LocalDate.class);
                    stale.remove(period);
                    put(medians, period, rs.getBigDecimal(2));
                });
        if (!stale.isEmpty()) {
            compute(actor, f, scope, stale).forEach((period, minutes) -> put(medians, period, minutes));
        }
        return medians;
    }

    /**
     * Computes the periods' medians from the questions and keeps them, each with the version it was
     * computed from (read in the same statement, so a change committed meanwhile makes it stale).
     */
    private Map<LocalDate, BigDecimal> compute(Actor actor, ReportFilter f, String scope, List<LocalDate> periods) {
        String unit = f.groupBy().unit();
        SqlFragment who = figures.who(actor, "x", "x.owner_id", f);
        List<Object> params = new ArrayList<>(List.of(actor.orgId(), scope, unit, actor.orgId()));
        params.addAll(who.params());
        params.add(periods.stream().map(Date::valueOf).toArray(Date[]::new));
        Map<LocalDate, BigDecimal> computed = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO analytics_median (org_id, scope, unit, period, version, minutes)
                        SELECT ?, ?, ?, p.period, %s,
                               (SELECT round((percentile_cont(0.5) WITHIN GROUP (ORDER BY x.wait_seconds) / 60)::numeric, 1)
                                  FROM analytics_reply x
                                 WHERE %s AND x.day >= p.period AND x.day < %s AND x.wait_seconds IS NOT NULL)
                          FROM unnest(?::date[]) p (period)
                        ON CONFLICT (org_id, scope, unit, period) DO UPDATE
                           SET version = EXCLUDED.version, minutes = EXCLUDED.minutes, computed_at = now()
                        RETURNING period, minutes
                        """.formatted(version("?::uuid", "p.period", unit), who.sql(), end("p.period", unit)))
                .params(params)
                .query(rs -> {
                    computed.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2));
                });
        return computed;
    }

    /** The first day after the period that begins on {@code period}. */
    private static String end(String period, String unit) {
        return "(" + period + " + interval '1 " + unit + "')::date";
    }

    /** The sum of the versions of the period's days: what a kept median is checked against. */
    private static String version(String org, String period, String unit) {
        return "(SELECT coalesce(sum(v.version), 0) FROM analytics_reply_version v WHERE v.org_id = " + org
                + " AND v.day >= " + period + " AND v.day < " + end(period, unit) + ")";
    }

    private static void put(Map<LocalDate, BigDecimal> medians, LocalDate period, BigDecimal minutes) {
        if (minutes != null) {
            medians.put(period, minutes);
        }
    }
}
