package io.liaison.review.finding;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One organization's check: every {@link FindingCheck} in turn, each result replacing the open
 * findings of its reasons, then the time it finished. A check that throws is logged and leaves its
 * reasons' findings as they were; the others still run.
 */
@Component
public class FindingRun {

    private static final Logger log = LoggerFactory.getLogger(FindingRun.class);

    private final List<FindingCheck> checks;
    private final FindingStore store;
    private final JdbcClient jdbc;

    FindingRun(List<FindingCheck> checks, FindingStore store, JdbcClient jdbc) {
        this.checks = checks;
        this.store = store;
        this.jdbc = jdbc;
    }

    /** Runs every check over the organization's live contacts. */
    public void run(UUID orgId) {
        for (FindingCheck check : checks) {
            try {
                List<Found> found = check.run(orgId);
                FindingStore.Replaced replaced = store.replace(orgId, check.reasons(), found);
                log.debug("Review check {} in {}: {}", check.reasons(), orgId, replaced);
            } catch (RuntimeException e) {
                log.error("Review check {} failed in organization {}", check.reasons(), orgId, e);
            }
        }
        jdbc.sql("""
                        INSERT INTO review_check (org_id, finished_at) VALUES (?, now())
                        ON CONFLICT (org_id) DO UPDATE SET finished_at = now()
                        """).param(orgId).update();
    }

    /** The organizations worth a nightly check: those with contacts, or with findings still open. */
    public List<UUID> organizations() {
        return jdbc.sql("""
                        SELECT o.id FROM organization o
                         WHERE EXISTS (SELECT 1 FROM contact c WHERE c.org_id = o.id)
                            OR EXISTS (SELECT 1 FROM review_finding f WHERE f.org_id = o.id AND f.resolved_at IS NULL)
                        """).query(UUID.class).list();
    }
}
