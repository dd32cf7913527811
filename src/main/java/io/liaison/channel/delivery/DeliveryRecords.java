package io.liaison.channel.delivery;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.DeliveryRecord;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.shared.CursorPage;
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
import tools.jackson.databind.json.JsonMapper;

/** The deliveries to a channel as the module that queued them follows them; bound to one organization. */
@Repository
class DeliveryRecords {

    private static final String RECORD = """
            id, channel_id, state, attempts, created_at, attempted_at, next_attempt_at,
            coalesce(message_id, id::text) AS message_id, request, answer, reason, redelivery_of
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DeliveryRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The channel's deliveries older than {@code before} (all when null), newest first. */
    List<DeliveryRecord> ofChannel(UUID orgId, UUID channelId, @Nullable UUID before, int limit) {
        return jdbc.sql("SELECT " + RECORD + """
                         FROM delivery
                        WHERE org_id = ? AND channel_id = ? AND (?::uuid IS NULL OR id < ?)
                        ORDER BY id DESC
                        LIMIT ?
                        """)
                .params(orgId, channelId, before, before, limit)
                .query(DeliveryRecords::record)
                .list();
    }

    Optional<DeliveryRecord> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + RECORD + " FROM delivery WHERE org_id = ? AND id = ? AND channel_id IS NOT NULL")
                .params(orgId, id)
                .query(DeliveryRecords::record)
                .optional();
    }

    /** What a redelivery of a row sends again. */
    record Original(
            Destination destination,
            @Nullable ChannelKind kind,
            DeliveryOrigin origin,
            OutboundMessage message,
            @Nullable Duration retryFor,
            String messageId) {}

    Optional<Original> original(UUID orgId, UUID id) {
        return jdbc.sql("""
                        SELECT channel_id, email_address, kind, origin_module, origin_id, urgent, message::text AS message,
                               extract(epoch FROM retry_for)::bigint AS retry_for_seconds,
                               coalesce(message_id, id::text) AS message_id
                          FROM delivery
                         WHERE org_id = ? AND id = ?
                        """)
                .params(orgId, id)
                .query((rs, n) -> new Original(
                        new Destination(rs.getObject("channel_id", UUID.class), rs.getString("email_address")),
                        rs.getString("kind") == null ? null : ChannelKind.ofCode(rs.getString("kind")),
                        new DeliveryOrigin(
                                rs.getString("origin_module"),
                                rs.getObject("origin_id", UUID.class),
                                rs.getBoolean("urgent")),
                        json.readValue(rs.getString("message"), OutboundMessage.class),
                        rs.getObject("retry_for_seconds") == null
                                ? null
                                : Duration.ofSeconds(rs.getLong("retry_for_seconds")),
                        rs.getString("message_id")))
                .optional();
    }

    private static DeliveryRecord record(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String state = rs.getString("state");
        return new DeliveryRecord(
                id,
                rs.getObject("channel_id", UUID.class),
                state,
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("attempted_at")),
                state.equals(DeliveryQueue.QUEUED) ? instant(rs.getTimestamp("next_attempt_at")) : null,
                rs.getString("message_id"),
                rs.getString("request"),
                rs.getString("answer"),
                rs.getString("reason"),
                rs.getObject("redelivery_of", UUID.class),
                CursorPage.encode(id));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
