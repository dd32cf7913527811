package io.liaison.analytics.figures;

import io.liaison.shared.SqlFragment;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces the figures of a scope with what the sources say, in the caller's transaction: a table's
 * rows of the scope are deleted and computed again, and the member's days they counted for, before
 * and after, are answered so that the figures by member read from them follow.
 */
@Repository
class FigureStore {

    /** An organization whose figures are being written, and its time zone. */
    record Org(UUID id, String timeZone) {}

    private final JdbcClient jdbc;

    FigureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the organization's figures for this transaction (its other recomputations wait until it
     * ends, so each reads what the ones before it wrote) and answers its time zone; empty when it is gone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Org> lock(UUID orgId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('analytics-figures ' || ?::text, 0))")
                .param(orgId)
                .query()
                .singleRow();
        return jdbc.sql("SELECT time_zone FROM organization WHERE id = ?")
                .param(orgId)
                .query(String.class)
                .optional()
                .map(zone -> new Org(orgId, zone));
    }

    /** The organization's days of these instants. */
    Set<LocalDate> days(Org org, List<Instant> instants) {
        Set<LocalDate> days = new HashSet<>();
        for (Instant at : instants) {
            days.add(jdbc.sql("SELECT (CAST(? AS timestamptz) AT TIME ZONE ?)::date")
                    .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), org.timeZone())
                    .query(LocalDate.class)
                    .single());
        }
        return days;
    }

    Set<Cell> contactDays(Org org, FigureScope scope) {
        return replace(
                org,
                scope,
                "analytics_contact_day",
                Intermediates.CONTACT_DAY_COLUMNS,
                "owner_id",
                "d.org_id = :org" + scope.onDay("d.contact_id", "d.day"),
                Intermediates.contactDays(scope),
                Map.of());
    }

    Set<Cell> conversationDays(Org org, FigureScope scope) {
        return replace(
                org,
                scope,
                "analytics_conversation_day",
                Intermediates.CONVERSATION_DAY_COLUMNS,
                "owner_id",
                "d.org_id = :org" + scope.onDay("d.conversation_id", "d.day"),
                Intermediates.conversationDays(scope),
                Map.of());
    }

    Set<Cell> tasksDone(Org org, FigureScope scope) {
        return replace(
                org,
                scope,
                "analytics_task_done",
                Intermediates.TASK_DONE_COLUMNS,
                "member_id",
                "d.org_id = :org" + scope.ids("d.task_id"),
                Intermediates.tasksDone(scope),
                Map.of());
    }

    /** The questions of the scope's groups; of one group from {@code fromSeq} when it is given. */
    Set<Cell> replies(Org org, FigureScope scope, @Nullable Long fromSeq) {
        boolean from = fromSeq != null;
        return replace(
                org,
                scope,
                "analytics_reply",
                Replies.COLUMNS,
                "owner_id",
                Replies.kept(scope, from),
                Replies.select(scope, from),
                from ? Map.of("fromSeq", fromSeq) : Map.of());
    }

    /**
     * The contacts' last activity, owner and tags ({@code analytics_contact_last}) as they are now, after
     * their days were recomputed; and the counts by last active day, of their owners and of their tags,
     * on the days before and after.
     */
    void lastActivity(Org org, Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return;
        }
        Map<String, Object> values = values(org, FigureScope.of(contactIds));
        RowMapper<List<Cell>> days = (rs, n) -> {
            UUID owner = rs.getObject(1, UUID.class);
            LocalDate last = rs.getObject(3, LocalDate.class);
            return last == null
                    ? List.of(new Cell(owner, rs.getObject(2, LocalDate.class)))
                    : List.of(new Cell(owner, rs.getObject(2, LocalDate.class)), new Cell(owner, last));
        };
        Set<Cell> cells = new HashSet<>();
        query(
                        "DELETE FROM analytics_contact_last d WHERE d.org_id = :org AND d.contact_id = ANY (:ids)"
                                + " RETURNING d.owner_id, d.created, d.last_active",
                        values)
                .query(days)
                .list()
                .forEach(cells::addAll);
        query(
                        "INSERT INTO analytics_contact_last (" + Intermediates.CONTACT_LAST_COLUMNS + ") "
                                + Intermediates.contactLast(FigureScope.of(contactIds))
                                + " RETURNING owner_id, created, last_active",
                        values)
                .query(days)
                .list()
                .forEach(cells::addAll);
        memberDays(org, MetricGroup.LAST_ACTIVE, cells);
        if (!cells.isEmpty()) {
            Exact exact = exact(cells);
            FigureScope box = FigureScope.of(exact.members(), exact.first(), exact.last());
            replaceCells(
                    "analytics_tag_day",
                    Intermediates.TAG_DAY_COLUMNS,
                    "g.*",
                    box.onDay("d.member_id", "d.day"),
                    Intermediates.tagDays(box),
                    "true",
                    exact,
                    values(org, box));
        }
    }

    /** Where a change at {@code seq} of a group starts to matter for its questions. */
    long questionsFrom(Org org, UUID conversationId, long seq) {
        Map<String, Object> values = values(org, FigureScope.ALL);
        values.put("conversation", conversationId);
        values.put("seq", seq);
        return query(Replies.FROM_SEQ, values).query(Long.class).single();
    }

    /**
     * Recomputes the group's figures of exactly these member's days and, for a group also kept by
     * period, the weeks and months that hold them (read over those whole periods).
     */
    void memberDays(Org org, MetricGroup group, Set<Cell> cells) {
        if (cells.isEmpty()) {
            return;
        }
        Exact exact = exact(cells);
        for (MetricGroup g : group.withAlongside()) {
            memberDays(org, g, FigureScope.of(exact.members(), exact.first(), exact.last()), exact);
        }
        MetricGroup periods = group.periods();
        if (periods != null) {
            Set<Cell> starts = new HashSet<>();
            for (Cell c : cells) {
                starts.add(new Cell(c.memberId(), monday(c.day())));
                starts.add(new Cell(c.memberId(), c.day().withDayOfMonth(1)));
            }
            // read every touched day's whole week and month (a week starting on the 1st lies in its month)
            LocalDate first = exact.first();
            LocalDate last = exact.last();
            LocalDate from = first.withDayOfMonth(1).isBefore(monday(first)) ? first.withDayOfMonth(1) : monday(first);
            LocalDate monthEnd = last.with(TemporalAdjusters.lastDayOfMonth());
            LocalDate to = monthEnd.isAfter(monday(last).plusDays(6))
                    ? monthEnd
                    : monday(last).plusDays(6);
            Exact periodStarts = exact(starts);
            memberDays(org, periods, FigureScope.of(periodStarts.members(), from, to), periodStarts);
        }
    }

    /**
     * Exactly these cells: their members, first and last day (a box the statements read through their
     * indexes), and a condition on a row's member and day columns (named by {@code %s}) that keeps the
     * cells alone.
     */
    private record Exact(
            List<UUID> members, LocalDate first, LocalDate last, String clause, Map<String, Object> values) {}

    private static Exact exact(Set<Cell> cells) {
        List<Cell> listed = List.copyOf(cells);
        Map<String, Object> values = new HashMap<>();
        values.put("cellMembers", listed.stream().map(Cell::memberId).toArray(UUID[]::new));
        values.put("cellDays", listed.stream().map(c -> c.day().toString()).toArray(String[]::new));
        return new Exact(
                listed.stream().map(Cell::memberId).distinct().toList(),
                listed.stream().map(Cell::day).min(LocalDate::compareTo).orElseThrow(),
                listed.stream().map(Cell::day).max(LocalDate::compareTo).orElseThrow(),
                " AND (%s, %s) IN (SELECT * FROM unnest(CAST(:cellMembers AS uuid[]), CAST(:cellDays AS date[])))",
                values);
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * Recomputes the group's figures of the scope's members (all when it names none) and days; a group
     * also kept by period over all days (a range would cut its weeks and months).
     */
    void memberDays(Org org, MetricGroup group, FigureScope scope) {
        MetricGroup periods = group.periods();
        if (periods != null && (scope.from() != null || scope.to() != null)) {
            throw new IllegalArgumentException(group + " is recomputed by cells or over all days");
        }
        if (!scope.isEmpty()) {
            for (MetricGroup g : group.withAlongside()) {
                memberDays(org, g, scope, null);
            }
            if (periods != null) {
                memberDays(org, periods, scope, null);
            }
        }
    }

    /** The group's rows of the scope, of exactly the given cells when {@code exact} names them. */
    private void memberDays(Org org, MetricGroup group, FigureScope scope, @Nullable Exact exact) {
        Map<String, Object> values = values(org, scope);
        values.put("metrics", group.codes());
        replaceCells(
                "analytics_member_day",
                "org_id, metric, day, member_id, value",
                "CAST(:org AS uuid), g.metric, g.day, g.member_id, g.value",
                " AND d.metric = ANY (:metrics)" + scope.onDay("d.member_id", "d.day"),
                group.select(scope),
                "g.value > 0",
                exact,
                values);
    }

    /**
     * Replaces a table's rows by member and day (the organization's rows {@code d} that {@code kept} and
     * {@code exact} keep) with the rows {@code g} of {@code select} that {@code wanted} and {@code exact}
     * keep, as {@code columns}.
     */
    private void replaceCells(
            String table,
            String columns,
            String columnsOfG,
            String kept,
            String select,
            String wanted,
            @Nullable Exact exact,
            Map<String, Object> values) {
        String clause = exact == null ? "" : exact.clause();
        if (exact != null) {
            values.putAll(exact.values());
        }
        query(
                        "DELETE FROM " + table + " d WHERE d.org_id = :org" + kept
                                + clause.formatted("d.member_id", "d.day"),
                        values)
                .update();
        query(
                        "INSERT INTO " + table + " (" + columns + ") SELECT " + columnsOfG + " FROM (" + select
                                + ") g WHERE " + wanted + clause.formatted("g.member_id", "g.day"),
                        values)
                .update();
    }

    private Set<Cell> replace(
            Org org,
            FigureScope scope,
            String table,
            String columns,
            String memberColumn,
            String kept,
            String select,
            Map<String, Object> extra) {
        if (scope.isEmpty()) {
            return Set.of();
        }
        Map<String, Object> values = values(org, scope);
        values.putAll(extra);
        Set<Cell> cells = new HashSet<>();
        cells.addAll(query(
                        "DELETE FROM " + table + " d WHERE " + kept + " RETURNING d." + memberColumn + ", d.day",
                        values)
                .query((rs, n) -> new Cell(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
                .list());
        cells.addAll(query(
                        "INSERT INTO " + table + " (" + columns + ") " + select + " RETURNING " + memberColumn
                                + ", day",
                        values)
                .query((rs, n) -> new Cell(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
                .list());
        return cells;
    }

    private static Map<String, Object> values(Org org, FigureScope scope) {
        Map<String, Object> values = new HashMap<>();
        values.put("org", org.id());
        values.put("tz", org.timeZone());
        MetricGroup.bindCodes(values);
        scope.bind(values);
        return values;
    }

    private JdbcClient.StatementSpec query(String sql, Map<String, Object> values) {
        SqlFragment bound = NamedSql.bind(sql, values);
        return jdbc.sql(bound.sql()).params(bound.params());
    }
}
