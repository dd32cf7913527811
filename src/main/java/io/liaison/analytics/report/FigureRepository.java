package io.liaison.analytics.report;

import io.liaison.access.ContactAccess;
import io.liaison.analytics.Metric;
import io.liaison.analytics.figures.MemberSets;
import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the reports. Every query keeps to the rows whose member (or contact owner, or group
 * owner) the viewer may see figures of, through {@link ContactAccess#figuresOf}, and to the report's
 * member, department tree and tag; days are compared as stored, the organization's days. Sums over
 * several members read the set of exactly those members ({@link MemberSets}), chosen through the same
 * predicate.
 */
@Repository
class FigureRepository {

    /** Contacts by the day of their last activity, kept by owner. */
    private static final String LAST_ACTIVE = Metric.ACTIVE_CONTACTS.code("last");

    private final JdbcClient jdbc;
    private final ContactAccess access;
    private final MemberSets sets;

    FigureRepository(JdbcClient jdbc, ContactAccess access, MemberSets sets) {
        this.jdbc = jdbc;
        this.access = access;
        this.sets = sets;
    }

    /** A figure by period: the first day of each period that has one, and its value. */
    record Point(String key, LocalDate period, BigDecimal value) {}

    /**
     * The sums of kept metrics by metric and period: from the set of the members the report covers
     * ({@code analytics_set_day}), or by member ({@code analytics_member_day}).
     */
    List<Point> sums(Actor actor, Covered covered, List<String> metrics, ReportFilter f) {
        Kept kept = byMetric(actor, covered, f);
        SqlFragment where = kept.who()
                .and(SqlFragment.of(
                        "x.metric = ANY (?) AND x.day BETWEEN ? AND ?",
                        metrics.toArray(String[]::new),
                        f.from(),
                        f.to()));
        return points(
                "SELECT x.metric, " + period(f) + ", sum(x.value) FROM " + kept.table() + " x WHERE ",
                where,
                " GROUP BY 1, 2");
    }

    /**
     * Contacts by period from {@code analytics_contact_day}: those created in it, or the distinct ones
     * with a follow-up or a message in it (one contact active on several days of a week counts once).
     */
    List<Point> contacts(Actor actor, boolean created, ReportFilter f) {
        SqlFragment where = contactDays(actor, created, f);
        if (created) {
            return points(
                    "SELECT '', " + period(f) + ", count(*) FROM analytics_contact_day x WHERE ",
                    where,
                    " GROUP BY 1, 2");
        }
        // each contact once per period first (hashed), then counted: cheaper than count(DISTINCT), which sorts
        return points(
                "SELECT '', d.period, count(*) FROM (SELECT DISTINCT " + period(f)
                        + " AS period, x.contact_id FROM analytics_contact_day x WHERE ",
                where,
                ") d GROUP BY d.period");
    }

    /** A name with two counts: a tag's active and new contacts, a source's new ones, a member's figure. */
    record Count(String key, String name, long first, long second) {}

    /**
     * The tags of the most active contacts in the range, with those and the new contacts. A range that
     * ends on or after the last day anyone was active sums the kept counts by tag; another counts the
     * contacts' days.
     */
    List<Count> byTag(Actor actor, ReportFilter f, int limit) {
        return reachesLastActivity(actor, f) ? tagsKept(actor, f, limit) : tagsCounted(actor, f, limit);
    }

    /**
     * By tag from the kept counts: contacts whose last activity is in the range, and new ones. Those of the
     * whole organization ({@code analytics_tag_total}) for a viewer who sees every member's figures and
     * narrows to no member or department; else those of the set of members the report covers
     * ({@code analytics_tag_set_day}, built on the first read), or by member ({@code analytics_tag_day}) for
     * one member or when the organization keeps the most sets.
     */
    List<Count> tagsKept(Actor actor, ReportFilter f, int limit) {
        if (access.figuresOfEveryone(actor) && f.memberId() == null && f.deptId() == null) {
            return keptTags("analytics_tag_total", SqlFragment.of("x.org_id = ?", actor.orgId()), f, limit);
        }
        return set(actor, covered(actor, f))
                .map(scope -> keptTags("analytics_tag_set_day", inSet(actor, scope), f, limit))
                .orElseGet(() -> keptTags("analytics_tag_day", who(actor, "x", "x.member_id", f), f, limit));
    }

    /** Kept figures by metric and day in {@code table}, of the rows {@code who}. */
    private record Kept(String table, SqlFragment who) {}

    /** The kept set of the members the report covers, or else the rows by member. */
    private Kept byMetric(Actor actor, Covered covered, ReportFilter f) {
        return set(actor, covered)
                .map(scope -> new Kept("analytics_set_day", inSet(actor, scope)))
                .orElseGet(() -> new Kept("analytics_member_day", who(actor, "x", "x.member_id", f)));
    }

    /**
     * The scope of the set of members the report covers, kept from now on if it was not; empty for one
     * member (their rows are as few) or when the organization keeps the most sets.
     */
    private Optional<String> set(Actor actor, Covered covered) {
        return covered.members().size() > 1 && sets.keep(actor.orgId(), covered.scope(), covered.members())
                ? Optional.of(covered.scope())
                : Optional.empty();
    }

    private static SqlFragment inSet(Actor actor, String scope) {
        return SqlFragment.of("x.org_id = ? AND x.scope = ?", actor.orgId(), scope);
    }

    /** By tag from a table of kept counts. */
    private List<Count> keptTags(String table, SqlFragment who, ReportFilter f, int limit) {
        return tags(
                "sum(x.last_active), sum(x.created) FROM " + table
                        + " x JOIN tag t ON t.org_id = x.org_id AND t.id = x.tag_id",
                who,
                f,
                limit);
    }

    /** By tag from the contacts' days: each contact active (or new) in the range once. */
    List<Count> tagsCounted(Actor actor, ReportFilter f, int limit) {
        return tags("""
                count(DISTINCT x.contact_id) FILTER (WHERE x.follow_ups + x.messages_in + x.messages_out > 0),
                count(DISTINCT x.contact_id) FILTER (WHERE x.created)
                  FROM analytics_contact_day x
                  JOIN contact_tag ct ON ct.org_id = x.org_id AND ct.contact_id = x.contact_id
                  JOIN tag t ON t.org_id = ct.org_id AND t.id = ct.tag_id""", who(actor, "x", "x.owner_id", f), f, limit);
    }

    /** The tags with the two counts that {@code counts} (ending with its FROM) reads over the range, most first. */
    private List<Count> tags(String counts, SqlFragment who, ReportFilter f, int limit) {
        SqlFragment where = who.and(SqlFragment.of("x.day BETWEEN ? AND ?", f.from(), f.to()));
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return jdbc.sql("SELECT t.id::text, t.name, " + counts + " WHERE " + where.sql()
                        + " GROUP BY t.id, t.name ORDER BY 3 DESC, 4 DESC, t.name LIMIT ?")
                .params(params)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /**
     * Does the range end on or after the organization's last day with any activity? Then a contact
     * active in it is one whose last activity is on or after its first day.
     */
    private boolean reachesLastActivity(Actor actor, ReportFilter f) {
        LocalDate last = jdbc.sql("SELECT max(day) FROM analytics_member_day WHERE org_id = ? AND metric = ?")
                .params(actor.orgId(), LAST_ACTIVE)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        return last == null || !f.to().isBefore(last);
    }

    /**
     * The new contacts of the range by where they came from ({@code contact.source}), most first: the
     * kept sums by source, or with a tag the contacts' created days that carry it.
     */
    List<Count> bySource(Actor actor, ReportFilter f) {
        if (f.tagId() == null) {
            Kept kept = byMetric(actor, covered(actor, f), f);
            SqlFragment where = kept.who()
                    .and(SqlFragment.of(
                            "x.metric = ANY (?) AND x.day BETWEEN ? AND ?",
                            Metric.NEW_CONTACTS.codes(Metric.SOURCES),
                            f.from(),
                            f.to()));
            return jdbc.sql("""
                            SELECT x.metric, sum(x.value) FROM %s x WHERE %s
                             GROUP BY x.metric
                             ORDER BY 2 DESC, 1""".formatted(kept.table(), where.sql()))
                    .params(where.params())
                    .query((rs, n) -> {
                        String source = Metric.NEW_CONTACTS.partOf(rs.getString(1));
                        return new Count(source, source, rs.getLong(2), 0);
                    })
                    .list();
        }
        SqlFragment where = contactDays(actor, true, f);
        return jdbc.sql("""
                        SELECT c.source, c.source, count(*), 0
                          FROM analytics_contact_day x
                          JOIN contact c ON c.org_id = x.org_id AND c.id = x.contact_id
                         WHERE %s
                         GROUP BY c.source
                         ORDER BY 3 DESC, 1""".formatted(where.sql()))
                .params(where.params())
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3), 0))
                .list();
    }

    /**
     * The members with the highest figure in the range, by name: a kept metric's sum; for active
     * contacts over a range reaching the last activity, their contacts by last active day from its first
     * day on; otherwise the distinct contacts each member follows that were active.
     */
    List<Count> leaders(Actor actor, Figure figure, ReportFilter f, int limit) {
        boolean active = figure.metric() == Metric.ACTIVE_CONTACTS;
        if (active && f.tagId() == null && reachesLastActivity(actor, f)) {
            return leadersBy(actor, LAST_ACTIVE, f, limit);
        }
        return active || (f.tagId() != null && figure.metric() == Metric.NEW_CONTACTS)
                ? leadersCounted(actor, figure, f, limit)
                : leadersBy(actor, figure.code(), f, limit);
    }

    /** The members by the sum of a kept metric in the range. */
    List<Count> leadersBy(Actor actor, String metric, ReportFilter f, int limit) {
        SqlFragment where = who(actor, "x", "x.member_id", f)
                .and(SqlFragment.of("x.metric = ? AND x.day BETWEEN ? AND ?", metric, f.from(), f.to()));
        return ranked(
                "SELECT x.member_id, sum(x.value) AS v FROM analytics_member_day x WHERE " + where.sql()
                        + " GROUP BY x.member_id",
                where,
                actor,
                limit);
    }

    /** The members by their distinct contacts, active (or new) in the range, from the contacts' days. */
    List<Count> leadersCounted(Actor actor, Figure figure, ReportFilter f, int limit) {
        SqlFragment where = contactDays(actor, figure.metric() == Metric.NEW_CONTACTS, f);
        return ranked(
                "SELECT d.member_id, count(*) AS v FROM (SELECT DISTINCT x.owner_id AS member_id, x.contact_id"
                        + " FROM analytics_contact_day x WHERE " + where.sql() + ") d GROUP BY d.member_id",
                where,
                actor,
                limit);
    }

    private List<Count> ranked(String totals, SqlFragment where, Actor actor, int limit) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(actor.orgId());
        params.add(limit);
        return jdbc.sql("""
                        SELECT m.id::text, m.display_name, t.v, 0
                          FROM (%s) t JOIN member m ON m.org_id = ? AND m.id = t.member_id
                         ORDER BY t.v DESC, m.display_name, m.id
                         LIMIT ?""".formatted(totals))
                .params(params)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3), 0))
                .list();
    }

    /**
     * The members whose figures the report covers (the viewer's data scope, the report's member and
     * department tree), in the database's order of their ids, and as one key ({@link MemberSets#scope}).
     */
    record Covered(List<UUID> members, String scope) {}

    Covered covered(Actor actor, ReportFilter f) {
        SqlFragment who = who(actor, "m", "m.id", f);
        List<UUID> members = jdbc.sql("SELECT m.id FROM member m WHERE " + who.sql() + " ORDER BY m.id")
                .params(who.params())
                .query(UUID.class)
                .list();
        return new Covered(members, MemberSets.scope(members));
    }

    /** The member's name if the viewer may see their figures (their own, or within their data scope). */
    @Nullable
    String visibleMember(Actor actor, UUID memberId) {
        SqlFragment where = access.figuresOf(actor, "m", "m.id").and(SqlFragment.of("m.id = ?", memberId));
        return jdbc.sql("SELECT m.display_name FROM member m WHERE " + where.sql())
                .params(where.params())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The names of the organization's departments and tags by id, of those given. */
    Map<UUID, String> names(Actor actor, String table, List<UUID> ids) {
        return jdbc
                .sql("SELECT id, name FROM " + table + " WHERE org_id = ? AND id = ANY (?)")
                .params(actor.orgId(), ids.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private SqlFragment contactDays(Actor actor, boolean created, ReportFilter f) {
        SqlFragment where = who(actor, "x", "x.owner_id", f)
                .and(SqlFragment.of(
                        "x.day BETWEEN ? AND ? AND "
                                + (created ? "x.created" : "x.follow_ups + x.messages_in + x.messages_out > 0"),
                        f.from(),
                        f.to()));
        if (f.tagId() != null) {
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM contact_tag ct WHERE ct.org_id = x.org_id AND ct.contact_id = x.contact_id"
                            + " AND ct.tag_id = ?)",
                    f.tagId()));
        }
        return where;
    }

    /**
     * The rows {@code alias} of members whose figures the report covers: the viewer's data scope, the
     * report's member and department tree ({@code memberColumn} is the row's member).
     */
    SqlFragment who(Actor actor, String alias, String memberColumn, ReportFilter f) {
        SqlFragment where = access.figuresOf(actor, alias, memberColumn);
        if (f.memberId() != null) {
            where = where.and(SqlFragment.of(memberColumn + " = ?", f.memberId()));
        }
        if (f.deptId() != null) {
            where = where.and(
                    SqlFragment.of(memberColumn + """
                             = ANY (ARRAY(SELECT md.member_id FROM member_department md
                             WHERE md.org_id = ? AND md.department_id IN (
                                 WITH RECURSIVE below (id) AS (
                                     SELECT d.id FROM department d WHERE d.org_id = ? AND d.id = ?
                                     UNION ALL
                                     SELECT d.id FROM below b JOIN department d ON d.org_id = ? AND d.parent_id = b.id)
                                 SELECT id FROM below)))""", actor.orgId(), actor.orgId(), f.deptId(), actor.orgId()));
        }
        return where;
    }

    private static String period(ReportFilter f) {
        return "date_trunc('" + f.groupBy().unit() + "', x.day::timestamp)::date";
    }

    private List<Point> points(String select, SqlFragment where, String rest) {
        return jdbc.sql(select + where.sql() + rest)
                .params(where.params())
                .query((rs, n) -> new Point(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)))
                .list();
    }
}
