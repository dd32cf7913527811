package io.liaison.review.finding;

import io.liaison.channel.EmailBounces;
import io.liaison.shared.PhoneNumbers;
import io.liaison.shared.SqlFragment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Invalid contact details: a mobile or phone that libphonenumber calls invalid in the organization's
 * region ({@code invalid.mobile}, detail the first such {@code number}), an e-mail address whose mail
 * bounced for good ({@code invalid.bounced}, detail {@code address} and {@code at}; see {@link
 * EmailBounces}), and required custom fields without a value ({@code invalid.required}, detail their
 * {@code count} and the {@code fields}' labels, the first {@value #MAX_LABELS}).
 */
@Component
class InvalidCheck implements FindingCheck {

    static final String MOBILE = "invalid.mobile";
    static final String BOUNCED = "invalid.bounced";
    static final String REQUIRED = "invalid.required";
    static final int MAX_LABELS = 10;
    private static final int MAX_NUMBER = 40;

    private final StreamedRows rows;
    private final EmailBounces bounces;
    private final ReviewSettings settings;

    InvalidCheck(StreamedRows rows, EmailBounces bounces, ReviewSettings settings) {
        this.rows = rows;
        this.bounces = bounces;
        this.settings = settings;
    }

    @Override
    public Set<String> reasons() {
        return Set.of(MOBILE, BOUNCED, REQUIRED);
    }

    @Override
    public List<Found> run(UUID orgId) {
        List<Found> found = new ArrayList<>();
        numbers(orgId, found);
        bounced(orgId, found);
        required(orgId, found);
        return found;
    }

    /** Each contact's numbers in order (the mobile first), checked one by one; one finding per contact. */
    private void numbers(UUID orgId, List<Found> found) {
        UUID[] last = new UUID[1];
        rows.each(
                """
                SELECT n.id, n.number, o.phone_region FROM (
                    SELECT c.id, 0 AS position, c.mobile AS number FROM contact c
                     WHERE c.org_id = ? AND c.trashed_at IS NULL AND c.mobile IS NOT NULL
                    UNION ALL
                    SELECT c.id, p.position, p.phone ->> 'number' FROM contact c,
                           jsonb_array_elements(c.phones) WITH ORDINALITY p (phone, position)
                     WHERE c.org_id = ? AND c.trashed_at IS NULL AND c.phones <> '[]'::jsonb) n
                  JOIN organization o ON o.id = ?
                 WHERE n.number IS NOT NULL
                 ORDER BY n.id, n.position
                """,
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String number = rs.getString(2);
                    if (!id.equals(last[0])
                            && PhoneNumbers.normalize(number, rs.getString(3)).isEmpty()) {
                        last[0] = id;
                        String shown = number.length() > MAX_NUMBER ? number.substring(0, MAX_NUMBER) : number;
                        found.add(new Found(id, "invalid", MOBILE, Map.of("number", shown)));
                    }
                },
                orgId,
                orgId,
                orgId);
    }

    private void bounced(UUID orgId, List<Found> found) {
        SqlFragment bounced = bounces.select(orgId, Instant.now().minus(settings.bounceWindow()));
        List<Object> params = new ArrayList<>(bounced.params());
        params.add(orgId);
        rows.each(
                "SELECT DISTINCT ON (e.contact_id) e.contact_id, e.address, b.bounced_at FROM (" + bounced.sql() + """
                        ) b JOIN contact_email e ON lower(e.address) = b.address
                          JOIN contact c ON c.org_id = e.org_id AND c.id = e.contact_id AND c.trashed_at IS NULL
                         WHERE e.org_id = ?
                         ORDER BY e.contact_id, e.position
                        """,
                rs -> found.add(new Found(
                        rs.getObject(1, UUID.class),
                        "invalid",
                        BOUNCED,
                        Map.of(
                                "address",
                                rs.getString(2),
                                "at",
                                rs.getTimestamp(3).toInstant().toString()))),
                params.toArray());
    }

    private void required(UUID orgId, List<Found> found) {
        rows.each(
                """
                SELECT c.id, count(*), (array_agg(f.label ORDER BY f.sort_order, f.label))[1:?]
                  FROM contact c JOIN custom_field f ON f.org_id = c.org_id AND f.required
                 WHERE c.org_id = ? AND c.trashed_at IS NULL
                   AND coalesce(c.custom_fields -> f.key, 'null'::jsonb) IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb)
                 GROUP BY c.id
                """,
                rs -> found.add(new Found(
                        rs.getObject(1, UUID.class),
                        "invalid",
                        REQUIRED,
                        Map.of("count", rs.getLong(2), "fields", List.of((String[])
                                rs.getArray(3).getArray())))),
                MAX_LABELS,
                orgId);
    }
}
