package io.liaison.review.finding;

import io.liaison.shared.Ids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the open findings of an organization equal to what the latest run found, for the reasons that
 * run computes: a finding still found stays open with its first {@code found_at} (and takes the new
 * detail), a new one opens, one no longer found is resolved. Findings of other reasons are left alone,
 * so each kind of check replaces only its own. One transaction per call; the run's rows go through a
 * temporary table in batches, so a call may carry hundreds of thousands of them.
 */
@Component
public class FindingStore {

    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    FindingStore(JdbcClient jdbc, TransactionTemplate transaction, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /** What a replacement changed. */
    public record Replaced(int opened, int resolved, int kept) {}

    /**
     * Replaces the open findings of {@code reasons} in the organization with {@code found}; a found
     * row whose reason is not among {@code reasons} is refused.
     */
    public Replaced replace(UUID orgId, Set<String> reasons, Collection<Found> found) {
        for (Found f : found) {
            if (!reasons.contains(f.reason())) {
                throw new IllegalArgumentException("A run for " + reasons + " found " + f.reason());
            }
        }
        return transaction.execute(status -> {
            jdbc.sql("""
                    CREATE TEMPORARY TABLE review_found (
                        id uuid, contact_id uuid, kind text, reason text, detail jsonb) ON COMMIT DROP
                    """).update();
            jdbc.sql("CREATE UNIQUE INDEX ON review_found (contact_id, kind, reason)")
                    .update();
            Iterator<Found> rows = found.iterator();
            while (rows.hasNext()) {
                insertBatch(rows);
            }
            String[] codes = reasons.toArray(String[]::new);
            int resolved = jdbc.sql("""
                            UPDATE review_finding f SET resolved_at = now()
                             WHERE f.org_id = ? AND f.resolved_at IS NULL AND f.reason = ANY (?)
                               AND NOT EXISTS (SELECT 1 FROM review_found n
                                                WHERE n.contact_id = f.contact_id AND n.kind = f.kind
                                                  AND n.reason = f.reason)
                            """).params(orgId, codes).update();
            int kept = jdbc.sql("""
                            UPDATE review_finding f SET detail = n.detail
                              FROM review_found n
                             WHERE f.org_id = ? AND f.resolved_at IS NULL AND n.contact_id = f.contact_id
                               AND n.kind = f.kind AND n.reason = f.reason
                            """).param(orgId).update();
            int opened = jdbc.sql("""
                            INSERT INTO review_finding (org_id, id, contact_id, kind, reason, detail)
                            SELECT ?, n.id, n.contact_id, n.kind, n.reason, n.detail FROM review_found n
                             WHERE EXISTS (SELECT 1 FROM contact c WHERE c.org_id = ? AND c.id = n.contact_id)
                            ON CONFLICT (org_id, contact_id, kind, reason) WHERE resolved_at IS NULL DO NOTHING
                            """).params(orgId, orgId).update();
            return new Replaced(opened, resolved, kept);
        });
    }

    /**
     * Opens one finding a member reported by hand (for example a contact marked invalid in a review
     * campaign); nothing when it is already open. Runs in the caller's transaction. Use a reason no run
     * computes, so that the next run does not resolve it.
     */
    public void open(UUID orgId, Found found) {
        jdbc.sql("""
                        INSERT INTO review_finding (org_id, id, contact_id, kind, reason, detail)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (org_id, contact_id, kind, reason) WHERE resolved_at IS NULL DO NOTHING
                        """)
                .params(
                        orgId,
                        Ids.newId(),
                        found.contactId(),
                        found.kind(),
                        found.reason(),
                        json.writeValueAsString(found.detail()))
                .update();
    }

    private void insertBatch(Iterator<Found> rows) {
        List<UUID> ids = new ArrayList<>(BATCH);
        List<UUID> contacts = new ArrayList<>(BATCH);
        List<String> kinds = new ArrayList<>(BATCH);
        List<String> reasons = new ArrayList<>(BATCH);
        List<String> details = new ArrayList<>(BATCH);
        while (rows.hasNext() && ids.size() < BATCH) {
            Found f = rows.next();
            ids.add(Ids.newId());
            contacts.add(f.contactId());
            kinds.add(f.kind());
            reasons.add(f.reason());
            details.add(json.writeValueAsString(f.detail()));
        }
        jdbc.sql("""
                        INSERT INTO review_found (id, contact_id, kind, reason, detail)
                        SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[]::jsonb[])
                        ON CONFLICT DO NOTHING
                        """)
                .params(
                        ids.toArray(UUID[]::new),
                        contacts.toArray(UUID[]::new),
                        kinds.toArray(String[]::new),
                        reasons.toArray(String[]::new),
                        details.toArray(String[]::new))
                .update();
    }
}
