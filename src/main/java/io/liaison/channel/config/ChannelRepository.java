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
