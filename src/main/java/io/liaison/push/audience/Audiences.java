package io.liaison.push.audience;

import io.liaison.contact.ContactAudience;
import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A push's contacts in SQL: the sender's audience ({@link ContactAudience}: visibility and the filter),
 * and in the same statement why each is skipped, if it is: not visible to the sender, opted out, no
 * e-mail address, or past a frequency cap, in that order. Written as the push's recipients with one
 * {@code INSERT ... SELECT}, or counted by reason for the composer.
 */
@Component
public class Audiences {

    /** The reasons a contact is skipped, in the order they are checked. */
    public static final List<String> REASONS =
            List.of("invisible", "opted-out", "no-address", "capped-day", "capped-month");

    private final JdbcClient jdbc;
    private final ContactAudience contacts;

    Audiences(JdbcClient jdbc, ContactAudience contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    /** {@code WITH a, r} and the SELECT of each contact with its reason (null: to be sent). */
    private SqlFragment reasoned(Actor sender, Audience audience, Caps caps, SqlFragment head) {
        SqlFragment a = contacts.select(sender, audience.filter(), audience.contactIds());
        List<Object> params = new ArrayList<>(a.params());
        params.addAll(List.of(Timestamp.from(caps.dayStart()), sender.orgId(), Timestamp.from(caps.monthStart())));
        params.addAll(head.params());
        params.addAll(List.of(caps.perDay(), caps.perDay(), caps.perMonth(), caps.perMonth(), sender.orgId()));
        return new SqlFragment("WITH a AS (" + a.sql() + """
                ), r AS (
                    SELECT p.contact_id, count(*) FILTER (WHERE p.created_at >= ?) AS today, count(*) AS month
                      FROM push_recipient p
                     WHERE p.org_id = ? AND p.contact_id IS NOT NULL AND p.created_at >= ?
                       AND p.state IN ('queued', 'sending', 'sent', 'delivered')
                     GROUP BY p.contact_id)
                """ + head.sql() + """
                  FROM (SELECT a.contact_id, a.email,
                               CASE WHEN NOT a.visible THEN 'invisible'
                                    WHEN o.contact_id IS NOT NULL THEN 'opted-out'
                                    WHEN a.email IS NULL THEN 'no-address'
                                    WHEN ?::int > 0 AND coalesce(r.today, 0) >= ?::int THEN 'capped-day'
                                    WHEN ?::int > 0 AND coalesce(r.month, 0) >= ?::int THEN 'capped-month'
                               END AS reason
                          FROM a
                          LEFT JOIN push_opt_out o ON o.org_id = ? AND o.contact_id = a.contact_id
                          LEFT JOIN r ON r.contact_id = a.contact_id) x
                """, params);
    }

    /**
     * Takes the organization's lock on its caps until the transaction ends: two pushes of one
     * organization write their recipients one after the other, so that both never pass one cap.
     */
    public void lockCaps(UUID orgId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('push-caps:' || ?::text, 0))")
                .param(orgId)
                .query((rs, n) -> 1)
                .list();
    }

    /** How many contacts the push would reach now, by reason ({@code queued}: to be sent). */
    public Map<String, Integer> count(Actor sender, Audience audience, Caps caps) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (!audience.reachesContacts()) {
            return counts;
        }
        SqlFragment query = reasoned(
                sender, audience, caps, SqlFragment.of("SELECT coalesce(x.reason, 'queued') AS reason, count(*)"));
        jdbc.sql(query.sql() + " GROUP BY 1")
                .params(query.params())
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /**
     * Up to {@code limit} of the contacts the push would send to now, in id order; with {@code contactId},
     * that contact alone whatever its reason, or nothing when it is not in the audience. By contact id,
     * its reason (null: to be sent, {@code invisible}: the sender does not see it).
     */
    public Map<UUID, Optional<String>> sample(
            Actor sender, Audience audience, Caps caps, @Nullable UUID contactId, int limit) {
        Map<UUID, Optional<String>> sample = new LinkedHashMap<>();
        if (!audience.reachesContacts()) {
            return sample;
        }
        SqlFragment query = reasoned(sender, audience, caps, SqlFragment.of("SELECT x.contact_id, x.reason"));
        List<Object> params = new ArrayList<>(query.params());
        String where = contactId == null ? " WHERE x.reason IS NULL" : " WHERE x.contact_id = ?";
        if (contactId != null) {
            params.add(contactId);
        }
        params.add(limit);
        jdbc.sql(query.sql() + where + " ORDER BY x.contact_id LIMIT ?")
                .params(params)
                .query((rs, n) -> sample.put(rs.getObject(1, UUID.class), Optional.ofNullable(rs.getString(2))))
                .list();
        return sample;
    }

    /**
     * Writes the push's contact recipients, queued or skipped with the reason, in one statement; answers
     * how many. An id is the first 28 characters of {@code idPrefix} (a UUIDv7 of now: its time and 42
     * random bits, unique to the push) and a counter: the rows land in order at the end of the
     * recipient indexes (random ids made each insert touch a page of its own, half again as slow).
     */
    public int insert(Actor sender, UUID pushId, UUID idPrefix, Audience audience, Caps caps) {
        if (!audience.reachesContacts()) {
            return 0;
        }
        SqlFragment insert =
                reasoned(sender, audience, caps, SqlFragment.of("""
                INSERT INTO push_recipient (org_id, push_id, id, kind, contact_id, address, state, reason)
                SELECT ?, ?, (substr(?::text, 1, 28) || lpad(to_hex(row_number() OVER ()), 8, '0'))::uuid, 'contact',
                       x.contact_id, x.email, CASE WHEN x.reason IS NULL THEN 'queued' ELSE 'skipped' END, x.reason
                """, sender.orgId(), pushId, idPrefix.toString()));
        return jdbc.sql(insert.sql()).params(insert.params()).update();
    }
}
