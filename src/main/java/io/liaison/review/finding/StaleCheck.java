package io.liaison.review.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stale contacts: nobody has recorded contact with them (their last contact, else their creation) for
 * longer than their rule, the shortest of their tags' rules ({@link StaleRules}) or else {@code
 * liaison.review.stale-days}. Detail: {@code days} and {@code since}.
 */
@Component
class StaleCheck implements FindingCheck {

    static final String REASON = "stale.days";

    private final StreamedRows rows;
    private final ReviewSettings settings;

    StaleCheck(StreamedRows rows, ReviewSettings settings) {
        this.rows = rows;
        this.settings = settings;
    }

    @Override
    public Set<String> reasons() {
        return Set.of(REASON);
    }

    @Override
    public List<Found> run(UUID orgId) {
        List<Found> found = new ArrayList<>();
        rows.each(
                """
                SELECT c.id, coalesce(r.days, ?) AS days, coalesce(c.last_contacted_at, c.created_at) AS since
                  FROM contact c
                  LEFT JOIN (SELECT ct.contact_id, min(r.days) AS days FROM review_stale_rule r
                               JOIN contact_tag ct ON ct.org_id = r.org_id AND ct.tag_id = r.tag_id
                              WHERE r.org_id = ? GROUP BY ct.contact_id) r ON r.contact_id = c.id
                 WHERE c.org_id = ? AND c.trashed_at IS NULL
                   AND coalesce(c.last_contacted_at, c.created_at) < now() - make_interval(days => coalesce(r.days, ?))
                """,
                rs -> found.add(new Found(
                        rs.getObject(1, UUID.class),
                        "stale",
                        REASON,
                        Map.of(
                                "days",
                                rs.getInt(2),
                                "since",
                                rs.getTimestamp(3).toInstant().toString()))),
                settings.staleDays(),
                orgId,
                orgId,
                settings.staleDays());
        return found;
    }
}
