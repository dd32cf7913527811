package io.liaison.channel.delivery;

import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Delivery rows: writing, claiming for sending and recording the end. */
@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID orgId, NewDelivery row) {
        boolean ended = row.reason() != null;
        jdbc.sql("""
                        INSERT INTO delivery (org_id, id, channel_id, email_address, kind, origin_module, origin_id, urgent,
                                              part, parts, message, state, next_attempt_at, reason, ended_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, CASE WHEN ? THEN now() END)
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
                        ended)
                .update();
    }
}
