package io.liaison.contact;

import io.liaison.shared.Ids;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What happened to a contact: written with each change, read newest first. */
@Repository
class ContactTimeline {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContactTimeline(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One entry: {@code kind} such as created, updated, tags_changed, trashed; {@code data} its details. */
    public record Entry(
            UUID id, OffsetDateTime at, @Nullable UUID actorId, String kind, Map<String, Object> data) {}

    void record(UUID orgId, UUID contactId, @Nullable UUID actorId, String kind, Map<String, ?> data) {
        jdbc.sql("""
                        INSERT INTO contact_timeline (id, org_id, contact_id, actor_id, kind, data)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb)
                        """)
                .params(Ids.newId(), orgId, contactId, actorId, kind, json.writeValueAsString(data))
                .update();
    }

    List<TimelineEntry> page(UUID orgId, UUID contactId, @Nullable UUID before, int limit) {
        return jdbc.sql("""
                        SELECT id, at, actor_id, kind, data::text AS data FROM contact_timeline
                         WHERE org_id = ? AND contact_id = ? AND (?::uuid IS NULL OR id < ?)
                         ORDER BY id DESC LIMIT ?
                        """)
                .params(orgId, contactId, before, before, limit)
                .query((rs, n) -> new TimelineEntry(
                        rs.getObject("id", UUID.class),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("kind"),
                        json.readValue(rs.getString("data"), new TypeReference<Map<String, Object>>() {})))
                .list();
    }
}
