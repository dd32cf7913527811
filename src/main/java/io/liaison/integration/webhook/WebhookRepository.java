package io.liaison.integration.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organizations' webhook endpoints; every statement names the organization. */
@Repository
class WebhookRepository {

    private static final String COLUMNS = """
            id, channel_id, url, description, event_types, full_details, enabled, cursor, disabled_reason,
            created_at, updated_at, version""";

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID orgId, WebhookEndpoint e, UUID createdBy) {
        jdbc.sql("""
                        INSERT INTO webhook_endpoint (org_id, id, channel_id, url, description, event_types,
                            full_details, enabled, cursor, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        orgId,
                        e.id(),
                        e.channelId(),
                        e.url(),
                        e.description(),
                        e.eventTypes().toArray(String[]::new),
                        e.fullDetails(),
                        e.enabled(),
                        e.cursor(),
                        createdBy)
                .update();
    }

    Optional<WebhookEndpoint> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .query(WebhookRepository::endpoint)
                .optional();
    }

    /** The organization's endpoints, newest first, after the one {@code after} names. */
    List<WebhookEndpoint> list(UUID orgId, @Nullable UUID after, int limit) {
        String keyset = after == null
                ? ""
                : " AND (created_at, id) < (SELECT created_at, id FROM webhook_endpoint WHERE org_id = ? AND id = ?)";
        List<Object> params = after == null ? List.of(orgId, limit) : List.of(orgId, orgId, after, limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE org_id = ?" + keyset
                        + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(params)
                .query(WebhookRepository::endpoint)
                .list();
    }

    int count(UUID orgId) {
        return jdbc.sql("SELECT count(*) FROM webhook_endpoint WHERE org_id = ?")
                .param(orgId)
                .query(Integer.class)
                .single();
    }

    /** Writes the changeable fields of {@code e} if its version is still {@code version}; false when not. */
    boolean update(UUID orgId, WebhookEndpoint e, long version) {
        return jdbc.sql("""
                        UPDATE webhook_endpoint SET url = ?, description = ?, event_types = ?, full_details = ?,
                            enabled = ?, cursor = ?, disabled_reason = ?, updated_at = now(), version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ?""")
                        .params(
                                e.url(),
                                e.description(),
                                e.eventTypes().toArray(String[]::new),
                                e.fullDetails(),
                                e.enabled(),
                                e.cursor(),
                                e.disabledReason(),
                                orgId,
                                e.id(),
                                version)
                        .update()
                == 1;
    }

    void delete(UUID orgId, UUID id) {
        jdbc.sql("DELETE FROM webhook_endpoint WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .update();
    }

    /** The organizations that have an endpoint switched on, for the dispatch round. */
    List<UUID> organizationsWithEnabled() {
        return jdbc.sql("SELECT DISTINCT org_id FROM webhook_endpoint WHERE enabled")
                .query(UUID.class)
                .list();
    }

    /** The ids of the organization's endpoints that are on. */
    List<UUID> enabled(UUID orgId) {
        return jdbc.sql("SELECT id FROM webhook_endpoint WHERE org_id = ? AND enabled ORDER BY id")
                .param(orgId)
                .query(UUID.class)
                .list();
    }

    /**
     * The endpoint, locked for this transaction, if it is on and no other transaction holds it: two
     * rounds (a node slow to finish and the next one) never dispatch one endpoint at the same time.
     */
    Optional<WebhookEndpoint> lockEnabled(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM webhook_endpoint WHERE org_id = ? AND id = ? AND enabled FOR UPDATE SKIP LOCKED")
                .params(orgId, id)
                .query(WebhookRepository::endpoint)
                .optional();
    }

    /** Moves the dispatched position, in the transaction that queued the deliveries up to it. */
    void advance(UUID orgId, UUID id, String cursor) {
        jdbc.sql("UPDATE webhook_endpoint SET cursor = ? WHERE org_id = ? AND id = ?")
                .params(cursor, orgId, id)
                .update();
    }

    /** Turns a failing endpoint off with the reason; false when it was off already. */
    boolean disable(UUID orgId, UUID id, String reason) {
        return jdbc.sql("""
                        UPDATE webhook_endpoint SET enabled = false, disabled_reason = ?, updated_at = now(),
                            version = version + 1
                         WHERE org_id = ? AND id = ? AND enabled""").params(reason, orgId, id).update() == 1;
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        return new WebhookEndpoint(
                rs.getObject("id", UUID.class),
                rs.getObject("channel_id", UUID.class),
                rs.getString("url"),
                rs.getString("description"),
                Arrays.asList((String[]) types.getArray()),
                rs.getBoolean("full_details"),
                rs.getBoolean("enabled"),
                rs.getString("cursor"),
                rs.getString("disabled_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
