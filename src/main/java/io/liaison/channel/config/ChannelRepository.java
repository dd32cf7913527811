package io.liaison.channel.config;

import io.liaison.channel.ChannelHealth;
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
            deleted_at, version, owner_module, previous_secret, previous_until
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

    /**
     * The channels not deleted of one owner ({@code null}: the organization's), by name; a module's
     * channels are not the organization's.
     */
    List<ChannelRow> owned(UUID orgId, @Nullable UUID ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM channel
                        WHERE org_id = ? AND owner_id IS NOT DISTINCT FROM ? AND deleted_at IS NULL
                          AND owner_module IS NULL
                        ORDER BY name, id
                        """)
                .params(orgId, ownerId)
                .query(ChannelRepository::row)
                .list();
    }

    /**
     * The channels {@code memberId} may manage, not deleted: their own personal robots, and the
     * organization's when {@code manage}; by name.
     */
    List<ChannelRow> visible(UUID orgId, UUID memberId, boolean manage) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM channel
                        WHERE org_id = ? AND deleted_at IS NULL AND (owner_id = ? OR (owner_id IS NULL AND ?))
                          AND owner_module IS NULL
                        ORDER BY owner_id NULLS FIRST, name, id
                        LIMIT 1000
                        """)
                .params(orgId, memberId, manage)
                .query(ChannelRepository::row)
                .list();
    }

    boolean update(UUID orgId, ChannelRow changed, long version) {
        return jdbc.sql("""
                        UPDATE channel SET name = ?, address = ?, secret = ?, enabled = ?, updated_at = now(),
                               version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ? AND deleted_at IS NULL
                        """)
                        .params(
                                changed.name(),
                                changed.address(),
                                changed.secret(),
                                changed.enabled(),
                                orgId,
                                changed.id(),
                                version)
                        .update()
                == 1;
    }

    boolean delete(UUID orgId, UUID id, long version) {
        return jdbc.sql("""
                        UPDATE channel SET deleted_at = now(), enabled = false, version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ? AND deleted_at IS NULL
                        """).params(orgId, id, version).update() == 1;
    }

    void insert(UUID orgId, UUID id, NewChannel channel, @Nullable String secret, @Nullable String ownerModule) {
        jdbc.sql("""
                        INSERT INTO channel (org_id, id, owner_id, name, kind, address, secret, enabled, owner_module)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        orgId,
                        id,
                        channel.ownerId(),
                        channel.name(),
                        channel.kind().code(),
                        channel.address(),
                        secret,
                        channel.enabled(),
                        ownerModule)
                .update();
    }

    /** A module's channel, not deleted. */
    Optional<ChannelRow> module(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM channel
                        WHERE org_id = ? AND id = ? AND owner_module IS NOT NULL AND deleted_at IS NULL
                        """)
                .params(orgId, id)
                .query(ChannelRepository::row)
                .optional();
    }

    /** Signs with {@code secret} from now on, and with {@code previous} until {@code until}. */
    void rotate(UUID orgId, UUID id, String secret, String previous, Instant until) {
        jdbc.sql("""
                        UPDATE channel SET secret = ?, previous_secret = ?, previous_until = ?, updated_at = now(),
                               version = version + 1
                         WHERE org_id = ? AND id = ? AND deleted_at IS NULL
                        """).params(secret, previous, Timestamp.from(until), orgId, id).update();
    }

    /** The channel's failures in a row, the first of them, and when a delivery to it last got through. */
    ChannelHealth health(UUID orgId, UUID id) {
        return jdbc.sql("""
                        SELECT c.failures, c.first_failure_at,
                               (SELECT d.ended_at FROM delivery d
                                 WHERE d.org_id = c.org_id AND d.channel_id = c.id AND d.state = 'sent'
                                 ORDER BY d.ended_at DESC
                                 LIMIT 1) AS last_success_at
                          FROM channel c
                         WHERE c.org_id = ? AND c.id = ?
                        """)
                .params(orgId, id)
                .query((rs, n) -> new ChannelHealth(
                        rs.getInt("failures"),
                        instant(rs.getTimestamp("first_failure_at")),
                        instant(rs.getTimestamp("last_success_at"))))
                .single();
    }

    /** A delivery to the channel got through: any failing spell ends. */
    void succeeded(UUID orgId, UUID id) {
        jdbc.sql("""
                        UPDATE channel SET failures = 0, failing_since = NULL, first_failure_at = NULL
                         WHERE org_id = ? AND id = ? AND (failures <> 0 OR failing_since IS NOT NULL)
                        """).params(orgId, id).update();
    }

    /**
     * An attempt to the channel failed: counts it, and starts a failing spell at the {@code
     * threshold}-th failure in a row. Answers the channel when this failure started the spell.
     */
    Optional<ChannelRow> failed(UUID orgId, UUID id, int threshold) {
        return jdbc.sql("""
                        UPDATE channel SET failures = failures + 1, first_failure_at = coalesce(first_failure_at, now()),
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
                rs.getLong("version"),
                rs.getString("owner_module"),
                rs.getString("previous_secret"),
                instant(rs.getTimestamp("previous_until")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
