package io.liaison.task.reminder;

import io.liaison.shared.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code task_reminder} rows: a subject's plan, bound to its organization, and the queue of due
 * reminders, which the workers claim across organizations with {@code SKIP LOCKED}.
 */
@Repository
class ReminderRepository {

    private final JdbcClient jdbc;

    ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A due reminder, locked by the claiming transaction. */
    record Due(UUID orgId, UUID id, String subjectKind, UUID subjectId, UUID memberId, Instant fireAt) {}

    /** How a claimed reminder ended: {@code notified}, or {@code dropped}/{@code failed} with the reason. */
    record Outcome(Due reminder, String outcome, @Nullable String reason) {}

    int deleteUnfired(UUID orgId, String kind, UUID subjectId) {
        return jdbc.sql("""
                        DELETE FROM task_reminder
                         WHERE org_id = ? AND subject_kind = ? AND subject_id = ? AND fired_at IS NULL
                        """).params(orgId, kind, subjectId).update();
    }

    /** New reminders of the subject: {@code memberIds[i]} at {@code fireAts[i]}. */
    void insert(UUID orgId, String kind, UUID subjectId, List<UUID> memberIds, List<Instant> fireAts) {
        if (memberIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO task_reminder (org_id, id, subject_kind, subject_id, member_id, fire_at)
                        SELECT ?, p.id, ?, ?, p.member_id, p.fire_at
                          FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[]) AS p (id, member_id, fire_at)
                        """)
                .params(
                        orgId,
                        kind,
                        subjectId,
                        memberIds.stream().map(p -> Ids.newId()).toArray(UUID[]::new),
                        memberIds.toArray(UUID[]::new),
                        fireAts.stream().map(Instant::toString).toArray(String[]::new))
                .update();
    }

    /** Up to {@code limit} due unfired reminders, oldest first, locked until the transaction ends; others skip them. */
    List<Due> claimDue(int limit) {
        return jdbc.sql("""
                        SELECT org_id, id, subject_kind, subject_id, member_id, fire_at
                          FROM task_reminder
                         WHERE fired_at IS NULL AND fire_at <= now()
                         ORDER BY fire_at
                         LIMIT ? FOR UPDATE SKIP LOCKED
                        """).param(limit).query(ReminderRepository::due).list();
    }

    /** When the next unfired reminder is due, if any (it may be due already, and claimed by another worker). */
    Optional<Instant> nextDue() {
        return jdbc.sql("SELECT min(fire_at) FROM task_reminder WHERE fired_at IS NULL")
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .single();
    }

    /**
     * Marks the claimed reminders fired at {@code firedAt} with their outcomes, each only if it is
     * still unfired; answers how many were.
     */
    int markFired(List<Outcome> outcomes, Instant firedAt) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE task_reminder r
                           SET fired_at = ?::timestamptz, outcome = o.outcome, reason = o.reason
                          FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) AS o (org_id, id, outcome, reason)
                         WHERE r.org_id = o.org_id AND r.id = o.id AND r.fired_at IS NULL
                        """)
                .params(
                        firedAt.toString(),
                        outcomes.stream().map(o -> o.reminder().orgId()).toArray(UUID[]::new),
                        outcomes.stream().map(o -> o.reminder().id()).toArray(UUID[]::new),
                        outcomes.stream().map(Outcome::outcome).toArray(String[]::new),
                        outcomes.stream().map(Outcome::reason).toArray(String[]::new))
                .update();
    }

    private static Due due(ResultSet rs, int row) throws SQLException {
        return new Due(
                rs.getObject("org_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("subject_kind"),
                rs.getObject("subject_id", UUID.class),
                rs.getObject("member_id", UUID.class),
                rs.getTimestamp("fire_at").toInstant());
    }
}
