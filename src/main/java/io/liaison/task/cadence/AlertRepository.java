package io.liaison.task.cadence;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which due contacts have been brought up to their owner, for which clock. */
@Repository
class AlertRepository {

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A due contact just claimed for bringing up, with its owner. */
    record Claimed(UUID contactId, UUID ownerId, String name) {}

    /**
     * Claims up to {@code limit} of the organization's contacts that are due and have not been brought
     * up for their current clock, most overdue first: each gets its alert row (or its row's clock moves)
     * in this statement, so that two runs never claim the same contact for the same due period.
     */
    List<Claimed> claim(UUID orgId, int limit) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT c.id, c.owner_id, c.name, %s AS clock_at
                              FROM contact c CROSS JOIN LATERAL (SELECT %s AS every_days) e
                             WHERE c.org_id = ? AND c.trashed_at IS NULL AND %s AND %s <= now()
                               AND NOT EXISTS (SELECT 1 FROM cadence_alert a
                                                WHERE a.org_id = c.org_id AND a.contact_id = c.id AND a.clock_at = %s)
                             ORDER BY %s, c.id
                             LIMIT ?),
                        raised AS (
                            INSERT INTO cadence_alert (org_id, contact_id, clock_at, raised_at)
                            SELECT ?, id, clock_at, now() FROM due
                            ON CONFLICT (org_id, contact_id) DO UPDATE
                               SET clock_at = excluded.clock_at, raised_at = excluded.raised_at
                             WHERE cadence_alert.clock_at <> excluded.clock_at
                            RETURNING contact_id)
                        SELECT d.id AS contact_id, d.owner_id, d.name FROM due d JOIN raised r ON r.contact_id = d.id
                         ORDER BY d.owner_id, d.clock_at, d.id
                        """.formatted(
                                CadenceRepository.CLOCK,
                                CadenceRepository.EVERY_DAYS,
                                CadenceRepository.WITH_CADENCE,
                                CadenceRepository.DUE_AT,
                                CadenceRepository.CLOCK,
                                CadenceRepository.DUE_AT))
                .params(orgId, orgId, orgId, limit, orgId)
                .query(Claimed.class)
                .list();
    }

    /** The organizations with at least one cadence. */
    List<UUID> organizations() {
        return jdbc.sql("SELECT o.id FROM organization o WHERE EXISTS (SELECT 1 FROM cadence k WHERE k.org_id = o.id)")
                .query(UUID.class)
                .list();
    }
}
