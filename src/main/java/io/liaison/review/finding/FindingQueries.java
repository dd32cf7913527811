package io.liaison.review.finding;

import io.liaison.access.ContactAccess;
import io.liaison.access.Masking;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open findings a member may read: those on the live contacts they see (the visibility predicate
 * of {@link ContactAccess} in the WHERE clause), newest first, their counts by kind, and the trend of
 * the counts over the last days in the member's time zone. A number or address in a finding's detail
 * is masked for a reader who sees the contact's details masked.
 */
@Component
public class FindingQueries {

    public static final List<String> KINDS = List.of("stale", "invalid", "incomplete", "duplicate");
    public static final int TREND_DAYS = 30;

    private final JdbcClient jdbc;
    private final ContactAccess access;
    private final JsonMapper json;

    FindingQueries(JdbcClient jdbc, ContactAccess access, JsonMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.json = json;
    }

    /** An open finding as a reader sees it. */
    public record FindingView(
            UUID id,
            UUID contactId,
            String contactName,
            String kind,
            String reason,
            Map<String, Object> detail,
            Instant foundAt) {}

    /** One day's count of open findings of a kind, at the end of the day (now for today). */
    public record DayCount(LocalDate day, long open) {}

    /** The kind asked for, refused with a 400 naming the field when it is not one; null for every kind. */
    public static @Nullable String kind(@Nullable String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        if (!KINDS.contains(kind)) {
            throw LiaisonException.invalid("kind", "invalid.one-of", String.join(", ", KINDS));
        }
        return kind;
    }

    /** A page of the open findings of {@code kind} (null: all) on contacts the actor sees, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<FindingView> list(Actor actor, @Nullable String kind, @Nullable String cursor, int limit) {
        SqlFragment where = SqlFragment.of(
                        "f.org_id = ? AND f.resolved_at IS NULL AND c.trashed_at IS NULL", actor.orgId())
                .and(access.visible(actor, "c"));
        if (kind(kind) != null) {
            where = where.and(SqlFragment.of("f.kind = ?", kind));
        }
        if (cursor != null && !cursor.isBlank()) {
            List<String> parts = CursorPage.parts(cursor, 2);
            where = where.and(SqlFragment.of("(f.found_at, f.id) < (?, ?)", after(parts)));
        }
        SqlFragment full = access.seenInFull(actor, "c");
        List<Object> params = new ArrayList<>(full.params());
        params.addAll(where.params());
        params.add(limit + 1);
        List<FindingView> rows = jdbc.sql(
                        "SELECT f.id, f.contact_id, c.name, f.kind, f.reason, f.detail::text, f.found_at, ("
                                + full.sql()
                                + ") FROM review_finding f JOIN contact c ON c.org_id = f.org_id AND c.id = f.contact_id"
                                + " WHERE " + where.sql() + " ORDER BY f.found_at DESC, f.id DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> new FindingView(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        detail(rs.getString(6), rs.getBoolean(8)),
                        rs.getTimestamp(7).toInstant()))
                .list();
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        FindingView last = rows.get(limit - 1);
        return new CursorPage<>(
                List.copyOf(rows.subList(0, limit)),
                CursorPage.encode(last.foundAt().toString(), last.id().toString()));
    }

    /** The open findings on contacts the actor sees, by kind (every kind, zero included). */
    @Transactional(readOnly = true)
    public Map<String, Long> openCounts(Actor actor) {
        SqlFragment visible = access.visible(actor, "c");
        List<Object> params = new ArrayList<>();
        params.add(actor.orgId());
        params.addAll(visible.params());
        Map<String, Long> counts = new LinkedHashMap<>();
        KINDS.forEach(k -> counts.put(k, 0L));
        jdbc.sql("""
                        SELECT f.kind, count(*) FROM review_finding f
                          JOIN contact c ON c.org_id = f.org_id AND c.id = f.contact_id AND c.trashed_at IS NULL
                         WHERE f.org_id = ? AND f.resolved_at IS NULL AND """ + visible.sql() + " GROUP BY f.kind")
                .params(params)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /**
     * For each kind, the findings open at the end of each of the last {@value #TREND_DAYS} days in the
     * actor's time zone (today: now), on the live contacts the actor sees now: one pass over the
     * findings not resolved before the first day, each adding one on the day it was found (the first
     * day for older ones) and taking one away on the day it was resolved.
     */
    @Transactional(readOnly = true)
    public Map<String, List<DayCount>> trend(Actor actor) {
        String zone = actor.timeZone().getId();
        SqlFragment visible = access.visible(actor, "c");
        List<Object> params = new ArrayList<>(List.of(zone, TREND_DAYS - 1, zone, zone, actor.orgId()));
        params.addAll(visible.params());
        Map<String, List<DayCount>> trend = new LinkedHashMap<>();
        KINDS.forEach(k -> trend.put(k, new ArrayList<>()));
        jdbc.sql("""
                        WITH span AS (
                            SELECT (now() AT TIME ZONE ?)::date - ? AS first, (now() AT TIME ZONE ?)::date AS last),
                        f AS (
                            SELECT f.kind, (f.found_at AT TIME ZONE ?)::date AS found_day, f.resolved_at
                              FROM review_finding f
                              JOIN contact c ON c.org_id = f.org_id AND c.id = f.contact_id AND c.trashed_at IS NULL
                             WHERE f.org_id = ? AND """ + visible.sql() + """
                        ),
                        moves AS (
                            SELECT f.kind, greatest(f.found_day, s.first) AS day, 1 AS delta FROM f, span s
                             WHERE f.resolved_at IS NULL OR (f.resolved_at AT TIME ZONE ?)::date >= s.first
                            UNION ALL
                            SELECT f.kind, (f.resolved_at AT TIME ZONE ?)::date, -1 FROM f, span s
                             WHERE f.resolved_at IS NOT NULL AND (f.resolved_at AT TIME ZONE ?)::date >= s.first),
                        per_day AS (SELECT kind, day, sum(delta) AS delta FROM moves GROUP BY kind, day)
                        SELECT k.kind, d.day::date,
                               sum(coalesce(p.delta, 0)) OVER (PARTITION BY k.kind ORDER BY d.day) AS open
                          FROM span s
                         CROSS JOIN generate_series(s.first, s.last, interval '1 day') d (day)
                         CROSS JOIN unnest(?::text[]) k (kind)
                          LEFT JOIN per_day p ON p.kind = k.kind AND p.day = d.day::date
                         ORDER BY k.kind, d.day
                        """)
                .params(withTail(params, zone, zone, zone, KINDS.toArray(String[]::new)))
                .query((rs, n) ->
                        trend.get(rs.getString(1)).add(new DayCount(rs.getObject(2, LocalDate.class), rs.getLong(3))))
                .list();
        return trend;
    }

    private static List<Object> withTail(List<Object> params, Object... tail) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(tail));
        return all;
    }

    private static Object[] after(List<String> parts) {
        try {
            return new Object[] {Timestamp.from(Instant.parse(parts.get(0))), UUID.fromString(parts.get(1))};
        } catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw LiaisonException.invalid("cursor", "invalid.cursor");
        }
    }

    private Map<String, Object> detail(String stored, boolean inFull) {
        Map<String, Object> detail =
                new LinkedHashMap<>(json.readValue(stored, new TypeReference<Map<String, Object>>() {}));
        if (!inFull) {
            if (detail.get("number") instanceof String number) {
                detail.put("number", Masking.phone(number));
            }
            if (detail.get("address") instanceof String address) {
                detail.put("address", Masking.email(address));
            }
        }
        return detail;
    }
}
