package io.liaison.push.core;

import io.liaison.contact.ContactFilter;
import io.liaison.push.audience.Audience;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class PushRepository {

    private static final String COLUMNS = """
            p.id, p.name, p.created_by, m.display_name AS created_by_name, p.template_id, p.subject, p.body,
            p.contact_filter::text AS contact_filter, p.contact_ids, p.conversation_ids, p.channel_ids, p.state,
            p.scheduled_at, p.audience_size, p.approved_by, p.approved_at, p.cancelled_by, p.cancelled_at,
            p.started_at, p.finished_at, p.ended_reason, p.created_at, p.version
            """;
    private static final String FROM = " FROM push p JOIN member m ON m.org_id = p.org_id AND m.id = p.created_by";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PushRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID orgId, Push p) {
        jdbc.sql("""
                        INSERT INTO push (org_id, id, name, created_by, template_id, subject, body, contact_filter,
                                          contact_ids, conversation_ids, channel_ids, state, scheduled_at,
                                          audience_size)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        orgId,
                        p.id(),
                        p.name(),
                        p.createdBy(),
                        p.templateId(),
                        p.subject(),
                        p.body(),
                        p.audience().filter() == null
                                ? null
                                : json.writeValueAsString(p.audience().filter()),
                        p.audience().contactIds().toArray(UUID[]::new),
                        p.audience().conversationIds().toArray(UUID[]::new),
                        p.audience().channelIds().toArray(UUID[]::new),
                        p.state(),
                        Timestamp.from(p.scheduledAt()),
                        p.audienceSize())
                .update();
    }

    Optional<Push> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.org_id = ? AND p.id = ?")
                .params(orgId, id)
                .query(this::row)
                .optional();
    }

    /** The push, locked until the transaction ends, so that its state moves one step at a time. */
    Optional<Push> lock(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.org_id = ? AND p.id = ? FOR UPDATE OF p")
                .params(orgId, id)
                .query(this::row)
                .optional();
    }

    /** Newest first, before the cursor's push; only {@code createdBy}'s when given. */
    List<Push> list(UUID orgId, @Nullable UUID createdBy, @Nullable UUID before, int limit) {
        List<Object> params = new ArrayList<>(List.of(orgId));
        String where = " WHERE p.org_id = ?";
        if (createdBy != null) {
            where += " AND p.created_by = ?";
            params.add(createdBy);
        }
        if (before != null) {
            where += " AND p.id < ?";
            params.add(before);
        }
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY p.id DESC LIMIT ?")
                .params(params)
                .query(this::row)
                .list();
    }

    void approve(UUID orgId, UUID id, UUID approver) {
        jdbc.sql("""
                        UPDATE push SET state = 'scheduled', approved_by = ?, approved_at = now(), version = version + 1
                         WHERE org_id = ? AND id = ?
                        """).params(approver, orgId, id).update();
    }

    void cancel(UUID orgId, UUID id, @Nullable UUID by, @Nullable String reason) {
        jdbc.sql("""
                        UPDATE push SET state = 'cancelled', cancelled_by = ?, cancelled_at = now(), ended_reason = ?,
                               finished_at = now(), version = version + 1
                         WHERE org_id = ? AND id = ?
                        """).params(by, reason, orgId, id).update();
    }

    void sending(UUID orgId, UUID id, int audienceSize) {
        jdbc.sql("""
                        UPDATE push SET state = 'sending', started_at = now(), audience_size = ?, version = version + 1
                         WHERE org_id = ? AND id = ?
                        """).params(audienceSize, orgId, id).update();
    }

    void done(UUID orgId, UUID id) {
        jdbc.sql("""
                        UPDATE push SET state = 'done', finished_at = now(), version = version + 1
                         WHERE org_id = ? AND id = ?
                        """).params(orgId, id).update();
    }

    /** The recipients of each push by state, every state present. */
    Map<UUID, Map<String, Integer>> counts(UUID orgId, List<UUID> ids) {
        Map<UUID, Map<String, Integer>> counts = new HashMap<>();
        for (UUID id : ids) {
            Map<String, Integer> none = new LinkedHashMap<>();
            PushProgress.STATES.forEach(state -> none.put(state, 0));
            counts.put(id, none);
        }
        jdbc.sql("""
                        SELECT push_id, state, count(*) FROM push_recipient
                         WHERE org_id = ? AND push_id = ANY(?) GROUP BY push_id, state
                        """)
                .params(orgId, ids.toArray(UUID[]::new))
                .query((rs, n) -> counts.get(rs.getObject(1, UUID.class)).put(rs.getString(2), rs.getInt(3)))
                .list();
        return counts;
    }

    Map<String, Integer> counts(UUID orgId, UUID id) {
        return counts(orgId, List.of(id)).get(id);
    }

    private Push row(ResultSet rs, int n) throws SQLException {
        String filter = rs.getString("contact_filter");
        return new Push(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("created_by", UUID.class),
                rs.getString("created_by_name"),
                rs.getObject("template_id", UUID.class),
                rs.getString("subject"),
                rs.getString("body"),
                new Audience(
                        filter == null ? null : json.readValue(filter, ContactFilter.class),
                        ids(rs.getArray("contact_ids")),
                        ids(rs.getArray("conversation_ids")),
                        ids(rs.getArray("channel_ids"))),
                rs.getString("state"),
                rs.getTimestamp("scheduled_at").toInstant(),
                rs.getInt("audience_size"),
                rs.getObject("approved_by", UUID.class),
                instant(rs.getTimestamp("approved_at")),
                rs.getObject("cancelled_by", UUID.class),
                instant(rs.getTimestamp("cancelled_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("ended_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }

    private static List<UUID> ids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
