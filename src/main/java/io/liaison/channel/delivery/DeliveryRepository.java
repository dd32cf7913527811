package io.liaison.channel.delivery;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.DeliveryOrigin;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Delivery rows: writing, claiming for sending and recording the end. The worker's statements run
 * across organizations (the queue is the whole server's); each names its rows by org_id and id.
 */
@Repository
class DeliveryRepository {

    private static final String CLAIMED = """
            org_id, id, channel_id, email_address, kind, origin_module, origin_id, urgent, message::text AS message,
            attempts, created_at, order_key, extract(epoch FROM retry_for)::bigint AS retry_for_seconds,
            coalesce(message_id, id::text) AS message_id
            """;

    private static final String VIEW = """
            d.id, d.channel_id, d.email_address, d.kind, d.origin_module, d.origin_id, d.urgent, d.part, d.parts,
            coalesce(d.message ->> 'title', '') AS title, d.state, d.attempts, d.next_attempt_at, d.request, d.answer,
            d.reason, d.created_at, d.ended_at
            """;

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes a row. A queued row with an order key is held when an earlier row of its key is active
     * (queued or sending); the caller holds the key's lock ({@link #lockOrder}).
     */
    void insert(UUID orgId, NewDelivery row) {
        boolean ended = row.reason() != null;
        String orderKey = row.options().orderKey();
        jdbc.sql("""
                        INSERT INTO delivery (org_id, id, channel_id, email_address, kind, origin_module, origin_id, urgent,
                                              part, parts, message, state, next_attempt_at, reason, ended_at, order_key,
                                              held, retry_for, message_id, redelivery_of)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, CASE WHEN ? THEN now() END, ?,
                                ?::text IS NOT NULL AND NOT ? AND EXISTS (
                                    SELECT 1 FROM delivery
                                     WHERE org_id = ? AND order_key = ? AND state IN ('queued', 'sending')),
                                make_interval(secs => ?), ?, ?)
                        """)
                .params(
                        orgId,
                        row.id(),
                        row.destination().channelId(),
                        row.destination().emailAddress(),
                        row.kind() == null ? null : row.kind().code(),
                        row.origin().module(),
                        row.origin().sourceId(),
                        row.origin().urgent(),
                        row.part(),
                        row.parts(),
                        row.message(),
                        row.state(),
                        Timestamp.from(row.nextAttemptAt()),
                        row.reason(),
                        ended,
                        ended ? null : orderKey,
                        ended ? null : orderKey,
                        ended,
                        orgId,
                        orderKey,
                        row.options().retryFor() == null
                                ? null
                                : row.options().retryFor().toMillis() / 1000.0,
                        row.options().messageId(),
                        row.redeliveryOf())
                .update();
    }

    /**
     * Serializes, until the transaction ends, the writers of one order key: queuing behind its rows
     * and ending one of them (which frees the next).
     */
    void lockOrder(UUID orgId, String orderKey) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(orgId + "/order/" + orderKey)
                .query()
                .singleRow();
    }

    /** Frees the next row of an order key when it is held and no row before it is active. */
    private void freeNext(UUID orgId, String orderKey) {
        jdbc.sql("""
                        UPDATE delivery SET held = false
                         WHERE org_id = ? AND held AND id = (
                               SELECT id FROM delivery
                                WHERE org_id = ? AND order_key = ? AND state IN ('queued', 'sending')
                                ORDER BY queue_seq
                                LIMIT 1)
                        """).params(orgId, orgId, orderKey).update();
    }

    /**
     * Due queued rows, urgent first, locked until the claiming transaction ends; others skip them. A
     * held row is never due, nor a row behind an active (queued or sending) row of its order key.
     */
    List<Claimed> lockDue(int limit) {
        return jdbc.sql("SELECT " + CLAIMED + """
                         FROM delivery d
                        WHERE state = 'queued' AND NOT held AND next_attempt_at <= now()
                          AND (order_key IS NULL OR NOT EXISTS (
                               SELECT 1 FROM delivery e
                                WHERE e.org_id = d.org_id AND e.order_key = d.order_key
                                  AND e.state IN ('queued', 'sending') AND e.queue_seq < d.queue_seq))
                        ORDER BY urgent DESC, next_attempt_at
                        LIMIT ? FOR UPDATE OF d SKIP LOCKED
                        """)
                .param(limit)
                .query(DeliveryRepository::claimed)
                .list();
    }

    /** Serializes the claims of one target across nodes until the transaction ends. */
    void lockTarget(String targetKey) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(targetKey)
                .query()
                .singleRow();
    }

    /**
     * When the target may be sent to again under a limit of {@code permits} per {@code per}: empty
     * when it may now, counting the claims of this transaction.
     */
    Optional<Instant> limitFrees(Claimed row, int permits, Duration per) {
        String target = row.channelId() != null ? "channel_id = ?" : "email_address = ?";
        Object value = row.channelId() != null ? row.channelId() : row.emailAddress();
        return jdbc.sql("""
                        SELECT attempted_at + make_interval(secs => ?) AS frees
                          FROM delivery
                         WHERE org_id = ? AND %s AND attempted_at > now() - make_interval(secs => ?)
                         ORDER BY attempted_at DESC
                         OFFSET ? LIMIT 1
                        """.formatted(target))
                .params(per.toMillis() / 1000.0, row.orgId(), value, per.toMillis() / 1000.0, permits - 1)
                .query((rs, n) -> rs.getTimestamp("frees").toInstant())
                .optional();
    }

    /** Marks the claimed rows sending, one more attempt each, in one statement. */
    void markSending(List<Claimed> rows, String claim) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE delivery d SET state = 'sending', attempts = attempts + 1, attempted_at = now(),
                               claimed_at = now(), claimed_by = ?
                          FROM unnest(?::uuid[], ?::uuid[]) AS r(org_id, id)
                         WHERE d.org_id = r.org_id AND d.id = r.id
                        """)
                .params(
                        claim,
                        rows.stream().map(Claimed::orgId).toArray(UUID[]::new),
                        rows.stream().map(Claimed::id).toArray(UUID[]::new))
                .update();
    }

    void defer(Claimed row, Instant until) {
        jdbc.sql("UPDATE delivery SET next_attempt_at = ? WHERE org_id = ? AND id = ?")
                .params(Timestamp.from(until), row.orgId(), row.id())
                .update();
    }

    /**
     * Ends a row this transaction locked or this worker claimed ({@code claim}; {@code null} for a row
     * locked here); false when the claim was lost to another worker.
     */
    boolean end(
            Claimed row,
            @Nullable String claim,
            String state,
            @Nullable String request,
            @Nullable String answer,
            @Nullable String reason) {
        if (row.orderKey() != null) {
            lockOrder(row.orgId(), row.orderKey());
        }
        boolean ended = jdbc.sql("""
                        UPDATE delivery SET state = ?, request = ?, answer = ?, reason = ?, ended_at = now(),
                               claimed_at = NULL, claimed_by = NULL, held = false
                         WHERE org_id = ? AND id = ? AND (?::text IS NULL OR claimed_by = ?)
                           AND state IN ('queued', 'sending')
                        """)
                        .params(state, request, answer, reason, row.orgId(), row.id(), claim, claim)
                        .update()
                == 1;
        if (ended && row.orderKey() != null) {
            freeNext(row.orgId(), row.orderKey());
        }
        return ended;
    }

    /** Ends the queued rows of these origins as skipped; answers their origin ids, each once. */
    List<UUID> withdraw(UUID orgId, String module, List<UUID> originIds, String reason) {
        UUID[] origins = originIds.toArray(UUID[]::new);
        List<String> keys =
                jdbc.sql("""
                        SELECT DISTINCT order_key FROM delivery
                         WHERE org_id = ? AND origin_module = ? AND origin_id = ANY(?) AND state = 'queued'
                           AND order_key IS NOT NULL
                         ORDER BY order_key
                        """).params(orgId, module, origins).query(String.class).list();
        keys.forEach(key -> lockOrder(orgId, key));
        List<UUID> withdrawn = jdbc.sql("""
                        UPDATE delivery SET state = 'skipped', reason = ?, ended_at = now(), held = false
                         WHERE org_id = ? AND origin_module = ? AND origin_id = ANY(?) AND state = 'queued'
                        RETURNING origin_id
                        """).params(reason, orgId, module, origins).query(UUID.class).list().stream()
                .distinct()
                .toList();
        keys.forEach(key -> freeNext(orgId, key));
        return withdrawn;
    }

    /** Puts a claimed row back in the queue for another attempt at {@code next}; false when its claim was lost. */
    boolean requeue(
            Claimed row, String claim, Instant next, @Nullable String request, @Nullable String answer, String reason) {
        return jdbc.sql("""
                        UPDATE delivery SET state = 'queued', next_attempt_at = ?, request = ?, answer = ?, reason = ?,
                               claimed_at = NULL, claimed_by = NULL
                         WHERE org_id = ? AND id = ? AND claimed_by = ? AND state = 'sending'
                        """)
                        .params(Timestamp.from(next), request, answer, reason, row.orgId(), row.id(), claim)
                        .update()
                == 1;
    }

    /** Gives back the rows of a claim that were not sent, as if never claimed. */
    void release(String claim, List<UUID> ids) {
        jdbc.sql("""
                        UPDATE delivery SET state = 'queued', attempts = attempts - 1, claimed_at = NULL, claimed_by = NULL
                         WHERE claimed_by = ? AND state = 'sending' AND id = ANY(?)
                        """).params(claim, ids.toArray(UUID[]::new)).update();
    }

    /** Rows left sending past their lease (their node died or hung), locked for this transaction. */
    List<Claimed> lockAbandoned(Duration lease, int limit) {
        return jdbc.sql("SELECT " + CLAIMED + """
                         FROM delivery
                        WHERE state = 'sending' AND claimed_at < now() - make_interval(secs => ?)
                        ORDER BY claimed_at
                        LIMIT ? FOR UPDATE SKIP LOCKED
                        """)
                .params(lease.toSeconds(), limit)
                .query(DeliveryRepository::claimed)
                .list();
    }

    /** Puts an abandoned row back in the queue; its attempt stays counted. */
    void takeBack(Claimed row, String reason) {
        jdbc.sql("""
                        UPDATE delivery SET state = 'queued', next_attempt_at = now(), reason = ?, claimed_at = NULL,
                               claimed_by = NULL
                         WHERE org_id = ? AND id = ? AND state = 'sending'
                        """).params(reason, row.orgId(), row.id()).update();
    }

    /**
     * A page of the log, newest first: the rows of the organization's channels and e-mails when
     * {@code manage}, and of the member's own channels; optionally one channel's and one state's. The
     * rows of a module's channels are that module's to show.
     */
    List<DeliveryView> page(
            UUID orgId,
            UUID memberId,
            boolean manage,
            @Nullable UUID channelId,
            @Nullable String state,
            @Nullable UUID before,
            int limit) {
        return jdbc.sql("SELECT " + VIEW + """
                         FROM delivery d LEFT JOIN channel c ON c.org_id = d.org_id AND c.id = d.channel_id
                        WHERE d.org_id = ? AND (c.owner_id = ? OR (c.owner_id IS NULL AND ?)) AND c.owner_module IS NULL
                          AND (?::uuid IS NULL OR d.channel_id = ?) AND (?::text IS NULL OR d.state = ?)
                          AND (?::uuid IS NULL OR d.id < ?)
                        ORDER BY d.id DESC
                        LIMIT ?
                        """)
                .params(orgId, memberId, manage, channelId, channelId, state, state, before, before, limit)
                .query(DeliveryRepository::view)
                .list();
    }

    /** One row of the log, with the owner of its channel ({@code null}: the organization's or an e-mail). */
    Optional<Owned> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + VIEW + """
                        , c.owner_id
                         FROM delivery d LEFT JOIN channel c ON c.org_id = d.org_id AND c.id = d.channel_id
                        WHERE d.org_id = ? AND d.id = ? AND c.owner_module IS NULL
                        """)
                .params(orgId, id)
                .query((rs, n) -> new Owned(view(rs, n), rs.getObject("owner_id", UUID.class)))
                .optional();
    }

    record Owned(DeliveryView delivery, @Nullable UUID ownerId) {}

    /** Queues a failed row again, with a new retry window and out of its order; false when it is not failed. */
    boolean retry(UUID orgId, UUID id) {
        return jdbc.sql("""
                        UPDATE delivery SET state = 'queued', next_attempt_at = now(), ended_at = NULL, created_at = now(),
                               order_key = NULL
                         WHERE org_id = ? AND id = ? AND state = 'failed' AND kind IS NOT NULL
                        """).params(orgId, id).update() == 1;
    }

    private static DeliveryView view(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new DeliveryView(
                rs.getObject("id", UUID.class),
                rs.getObject("channel_id", UUID.class),
                rs.getString("email_address"),
                rs.getString("kind"),
                rs.getString("origin_module"),
                rs.getObject("origin_id", UUID.class),
                rs.getBoolean("urgent"),
                rs.getInt("part"),
                rs.getInt("parts"),
                rs.getString("title"),
                rs.getString("state"),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("request"),
                rs.getString("answer"),
                rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(),
                ended == null ? null : ended.toInstant());
    }

    private static Claimed claimed(ResultSet rs, int n) throws SQLException {
        return new Claimed(
                rs.getObject("org_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getObject("channel_id", UUID.class),
                rs.getString("email_address"),
                ChannelKind.ofCode(rs.getString("kind")),
                new DeliveryOrigin(
                        rs.getString("origin_module"), rs.getObject("origin_id", UUID.class), rs.getBoolean("urgent")),
                rs.getString("message"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("order_key"),
                rs.getObject("retry_for_seconds") == null ? null : Duration.ofSeconds(rs.getLong("retry_for_seconds")),
                rs.getString("message_id"));
    }
}
