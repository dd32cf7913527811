package io.liaison.audit;

import io.liaison.shared.AuditableEvent;
import io.liaison.shared.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit table. Append-only: there is an insert and there are reads, nothing that changes a row but
 * the redaction of erased personal data. {@code audit_name} holds each name a record had, once.
 */
@Repository
class AuditRepository {

    private static final TypeReference<Map<String, @Nullable Object>> VALUES = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A row as stored, with the names of what it mentions as they were when it was written. */
    record Row(
            UUID id,
            OffsetDateTime at,
            @Nullable UUID actorId,
            String action,
            String targetType,
            UUID targetId,
            Map<String, @Nullable Object> before,
            Map<String, @Nullable Object> after,
            Map<String, String> names) {}

    /** Where the previous page ended: the last row's time and id, as the list is ordered by both. */
    record Position(OffsetDateTime at, UUID id) {}

    void insert(AuditableEvent event, Map<String, String> names) {
        jdbc.sql("""
                        INSERT INTO audit_event (id, org_id, actor_id, action, target_type, target_id, before, after, names)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
                        """)
                .params(
                        Ids.newId(),
                        event.orgId(),
                        event.actorId(),
                        event.action(),
                        event.targetType(),
                        event.targetId(),
                        json.writeValueAsString(event.before()),
                        json.writeValueAsString(event.after()),
                        json.writeValueAsString(names))
                .update();
        // The names the target and the actor had, so that the filters find them by these later.
        List<UUID> ids = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (UUID id : Arrays.asList(event.targetId(), event.actorId())) {
            String name = id == null ? null : names.get(id.toString());
            if (name != null) {
                ids.add(id);
                named.add(name);
            }
        }
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO audit_name (org_id, target_id, name)
                            SELECT DISTINCT ?::uuid, * FROM unnest(?::uuid[], ?::text[]) ON CONFLICT DO NOTHING
                            """)
                    .params(event.orgId(), ids.toArray(UUID[]::new), named.toArray(String[]::new))
                    .update();
        }
    }

    /** Empties the values and forgets the name of every entry about a record whose personal data was erased. */
    void redact(UUID orgId, String targetType, UUID targetId) {
        jdbc.sql("""
                        UPDATE audit_event SET before = '{"redacted": true}', after = '{"redacted": true}',
                               names = names - target_id::text
                         WHERE org_id = ? AND target_type = ? AND target_id = ?
                        """).params(orgId, targetType, targetId).update();
        jdbc.sql("DELETE FROM audit_name WHERE org_id = ? AND target_id = ?")
                .params(orgId, targetId)
                .update();
    }

    /** Newest first, after {@code position} when given. */
    List<Row> page(UUID orgId, AuditQuery query, @Nullable Position position, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, at, actor_id, action, target_type, target_id, before::text AS before, after::text AS after,
                       names::text AS names
                  FROM audit_event WHERE org_id = ?""");
        List<Object> params = new ArrayList<>(List.of(orgId));
        // Every entry about (or by) a record that was ever called so: its entries before a rename too.
        named(sql, params, orgId, "target_id", query.targetName());
        named(sql, params, orgId, "actor_id", query.actorName());
        condition(sql, params, " AND actor_id = ?", query.actorId());
        condition(sql, params, " AND target_type = ?", query.targetType());
        condition(sql, params, " AND target_id = ?", query.targetId());
        condition(sql, params, " AND action = ?", query.action());
        condition(sql, params, " AND at >= ?", query.from());
        condition(sql, params, " AND at < ?", query.to());
        if (position != null) {
            sql.append(" AND (at, id) < (?, ?)");
            params.add(position.at());
            params.add(position.id());
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    /** The actions that occur in the organization's log, for a filter to choose from. */
    List<String> actions(UUID orgId) {
        return jdbc.sql("SELECT DISTINCT action FROM audit_event WHERE org_id = ? ORDER BY action")
                .param(orgId)
                .query(String.class)
                .list();
    }

    private static void named(
            StringBuilder sql, List<Object> params, UUID orgId, String column, @Nullable String name) {
        if (name == null) {
            return;
        }
        sql.append(" AND ")
                .append(column)
                .append(" IN (SELECT target_id FROM audit_name WHERE org_id = ? AND name ILIKE ?)");
        params.add(orgId);
        params.add("%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, @Nullable Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("at", OffsetDateTime.class),
                rs.getObject("actor_id", UUID.class),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getObject("target_id", UUID.class),
                json.readValue(rs.getString("before"), VALUES),
                json.readValue(rs.getString("after"), VALUES),
                json.readValue(rs.getString("names"), NAMES));
    }
}
