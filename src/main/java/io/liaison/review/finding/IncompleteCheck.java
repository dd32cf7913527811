package io.liaison.review.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Incomplete contacts: no company, no mobile or phone and no e-mail, so nobody knows how to reach them. */
@Component
class IncompleteCheck implements FindingCheck {

    static final String REASON = "incomplete.contact";

    private final StreamedRows rows;

    IncompleteCheck(StreamedRows rows) {
        this.rows = rows;
    }

    @Override
    public Set<String> reasons() {
        return Set.of(REASON);
    }

    @Override
    public List<Found> run(UUID orgId) {
        List<Found> found = new ArrayList<>();
        rows.each("""
                SELECT c.id FROM contact c
                 WHERE c.org_id = ? AND c.trashed_at IS NULL AND coalesce(btrim(c.company), '') = ''
                   AND c.mobile IS NULL AND c.phones = '[]'::jsonb
                   AND NOT EXISTS (SELECT 1 FROM contact_email e WHERE e.org_id = c.org_id AND e.contact_id = c.id)
                """, rs -> found.add(new Found(rs.getObject(1, UUID.class), "incomplete", REASON, Map.of())), orgId);
        return found;
    }
}
