package io.liaison.review.duplicate;

import io.liaison.shared.Ids;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored pairs of a run: kept equal to what the latest run found, as the findings are (a pair
 * still found stays open with its first {@code found_at} and takes the new score, evidence and
 * cluster; a new one opens; one no longer found is resolved), and the pairs members said are not
 * duplicates.
 */
@Repository
class DuplicatePairs {

    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DuplicatePairs(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A pair to store. */
    record Stored(UUID a, UUID b, int score, boolean exact, List<Evidence> evidence, UUID cluster) {}

    /** The pairs of the organization that members said are not duplicates. */
    Set<Candidates.Key> dismissed(UUID orgId) {
        Set<Candidates.Key> keys = new HashSet<>();
        jdbc.sql("SELECT contact_a, contact_b FROM review_not_duplicate WHERE org_id = ?")
                .param(orgId)
                .query((rs, n) ->
                        keys.add(new Candidates.Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))))
                .list();
        return keys;
    }

    /** Replaces the open pairs of the organization with {@code found}; runs in the caller's transaction. */
    void replace(UUID orgId, List<Stored> found) {
        jdbc.sql("""
                CREATE TEMPORARY TABLE review_pair_found (
                    id uuid, a uuid, b uuid, score smallint, exact boolean, evidence jsonb, cluster uuid,
                    PRIMARY KEY (a, b)) ON COMMIT DROP
                """).update();
        Iterator<Stored> rows = found.iterator();
        while (rows.hasNext()) {
            insertBatch(rows);
        }
        jdbc.sql("""
                UPDATE review_duplicate d SET resolved_at = now()
                 WHERE d.org_id = ? AND d.resolved_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM review_pair_found n WHERE n.a = d.contact_a AND n.b = d.contact_b)
                """).param(orgId).update();
        jdbc.sql("""
                UPDATE review_duplicate d
                   SET score = n.score, exact = n.exact, evidence = n.evidence, cluster_key = n.cluster
                  FROM review_pair_found n
                 WHERE d.org_id = ? AND d.resolved_at IS NULL AND d.contact_a = n.a AND d.contact_b = n.b
                   AND (d.score, d.exact, d.evidence, d.cluster_key) IS DISTINCT FROM (n.score, n.exact, n.evidence, n.cluster)
                """).param(orgId).update();
        jdbc.sql("""
                INSERT INTO review_duplicate (org_id, id, contact_a, contact_b, score, exact, evidence, cluster_key)
                SELECT ?, n.id, n.a, n.b, n.score, n.exact, n.evidence, n.cluster FROM review_pair_found n
                ON CONFLICT (org_id, contact_a, contact_b) WHERE resolved_at IS NULL DO NOTHING
                """).param(orgId).update();
    }

    private void insertBatch(Iterator<Stored> rows) {
        List<UUID> ids = new ArrayList<>(BATCH);
        List<UUID> as = new ArrayList<>(BATCH);
        List<UUID> bs = new ArrayList<>(BATCH);
        List<Integer> scores = new ArrayList<>(BATCH);
        List<Boolean> exact = new ArrayList<>(BATCH);
        List<String> evidence = new ArrayList<>(BATCH);
        List<UUID> clusters = new ArrayList<>(BATCH);
        while (rows.hasNext() && as.size() < BATCH) {
            Stored s = rows.next();
            ids.add(Ids.newId());
            as.add(s.a());
            bs.add(s.b());
            scores.add(s.score());
            exact.add(s.exact());
            evidence.add(json.writeValueAsString(s.evidence()));
            clusters.add(s.cluster());
        }
        jdbc.sql("""
                        INSERT INTO review_pair_found (id, a, b, score, exact, evidence, cluster)
                        SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::smallint[], ?::boolean[], ?::text[]::jsonb[],
                                             ?::uuid[])
                        ON CONFLICT DO NOTHING
                        """)
                .params(
                        ids.toArray(UUID[]::new),
                        as.toArray(UUID[]::new),
                        bs.toArray(UUID[]::new),
                        scores.toArray(Integer[]::new),
                        exact.toArray(Boolean[]::new),
                        evidence.toArray(String[]::new),
                        clusters.toArray(UUID[]::new))
                .update();
    }
}
