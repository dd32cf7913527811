package io.liaison.channel.config;

import io.liaison.channel.ChannelKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Channel configurations; every query is bound to one organization. */
@Repository
class ChannelRepository {

    private static final String COLUMNS = """
            id, owner_id, name, kind, address, secret, enabled, failures, failing_since, created_at, updated_at,
            deleted_at, version
            """;

    private final JdbcClient jdbc;

    ChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The channel, deleted or not. */
    Optional<ChannelRow> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .query(ChannelRepository::row)
                .optional();
    }

    /** The channels not deleted of one owner ({@code null}: the organization's), by name. */
    List<ChannelRow> owned(UUID orgId, @Nullable UUID ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM channel
                        WHERE org_id = ? AND owner_id IS NOT DISTINCT FROM ? AND deleted_at IS NULL
                        ORDER BY name, id
                        """)
                .params(orgId, ownerId)
                .query(ChannelRepository::row)
                .list();
    }

    void insert(UUID orgId, UUID id, NewChannel channel, @Nullable String secret) {
        jdbc.sql("""
                        INSERT INTO channel (org_id, id, owner_id, name, kind, address, secret, enabled)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        orgId,
                        id,
                        channel.ownerId(),
                        channel.name(),
                        channel.kind().code(),
                        channel.address(),
                        secret,
                        channel.enabled())
                .update();
    }

    /** A delivery to the channel got through: any failing spell ends. */
    void succeeded(UUID orgId, UUID id) {
        jdbc.sql("""
                        UPDATE channel SET failures = 0, failing_since = NULL
                         WHERE org_id = ? AND id = ? AND (failures <> 0 OR failing_since IS NOT NULL)
                        """).params(orgId, id).update();
    }

    /**
     * An attempt to the channel failed: counts it, and starts a failing spell at the {@code
     * threshold}-th failure in a row. Answers the channel when this failure started the spell.
     */
    Optional<ChannelRow> failed(UUID orgId, UUID id, int threshold) {
        return jdbc.sql("""
                        UPDATE channel SET failures = failures + 1,
                               failing_since = CASE WHEN failures + 1 >= ? AND failing_since IS NULL THEN now()
                                                    ELSE failing_since END
                         WHERE org_id = ? AND id = ?
                        RETURNING """ + " " + COLUMNS + ", failing_since = now() AND failures = ? AS started")
                .params(threshold, orgId, id, threshold)
                .query((rs, n) -> rs.getBoolean("started") ? Optional.of(row(rs, n)) : Optional.<ChannelRow>empty())
                .optional()
                .flatMap(started -> started);
    }

    static ChannelRow row(ResultSet rs, int n) throws SQLException {
        return new ChannelRow(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getString("name"),
                ChannelKind.ofCode(rs.getString("kind")),
                rs.getString("address"),
                rs.getString("secret"),
                rs.getBoolean("enabled"),
                rs.getInt("failures"),
                instant(rs.getTimestamp("failing_since")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instant(rs.getTimestamp("deleted_at")),
                rs.getLong("version"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
