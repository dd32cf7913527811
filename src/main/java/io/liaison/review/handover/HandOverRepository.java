package io.liaison.review.handover;

import io.liaison.contact.ContactFilter;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Hand-overs and the contacts each moved, always within one organization. */
@Repository
class HandOverRepository {

    private static final String COLUMNS = """
            id, from_member, to_member, created_by, filter::text AS filter, include, channel, message, language,
            phase, contact_cursor, planned, contacts, conversations, tasks, messages, created_at, finished_at
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HandOverRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID orgId, HandOver h) {
        jdbc.sql("""
                        INSERT INTO review_handover (org_id, id, from_member, to_member, created_by, filter, include,
                                                     channel, message, language, planned)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                        """)
                .params(
                        orgId,
                        h.id(),
                        h.fromMember(),
                        h.toMember(),
                        h.createdBy(),
                        h.filter() == null ? null : json.writeValueAsString(h.filter()),
                        h.include().toArray(String[]::new),
                        h.channel(),
                        h.message(),
                        h.language(),
                        h.planned())
                .update();
    }

    Optional<HandOver> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_handover WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .query(this::row)
                .optional();
    }

    /** The hand-over, locked for its job's next batch; another node's batch waits. */
    Optional<HandOver> lock(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_handover WHERE org_id = ? AND id = ? FOR UPDATE")
                .params(orgId, id)
                .query(this::row)
                .optional();
    }

    /** The member's hand-overs, newest first. */
    List<HandOver> ofMember(UUID orgId, UUID memberId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM review_handover WHERE org_id = ? AND from_member = ?
                         ORDER BY created_at DESC, id DESC LIMIT ?
                        """)
                .params(orgId, memberId, limit)
                .query(this::row)
                .list();
    }

    /** Whether the member has a hand-over still running. */
    boolean running(UUID orgId, UUID memberId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM review_handover
                                        WHERE org_id = ? AND from_member = ? AND finished_at IS NULL)
                        """).params(orgId, memberId).query(Boolean.class).single();
    }

    /** The hand-overs not finished, of every organization: their jobs are queued again at start. */
    List<Unfinished> unfinished() {
        return jdbc.sql("SELECT org_id, id FROM review_handover WHERE finished_at IS NULL")
                .query(Unfinished.class)
                .list();
    }

    record Unfinished(UUID orgId, UUID id) {}

    /** Writes what one batch did, with the cursor it reached; the phase {@code done} or {@code failed} finishes it. */
    void advance(
            UUID orgId,
            UUID id,
            String phase,
            @Nullable UUID cursor,
            int contacts,
            int conversations,
            int tasks,
            int messages) {
        jdbc.sql("""
                        UPDATE review_handover
                           SET phase = ?, contact_cursor = ?, contacts = contacts + ?, conversations = conversations + ?,
                               tasks = tasks + ?, messages = messages + ?,
                               finished_at = CASE WHEN ? IN ('done', 'failed') THEN now() END
                         WHERE org_id = ? AND id = ?
                        """)
                .params(phase, cursor, contacts, conversations, tasks, messages, phase, orgId, id)
                .update();
    }

    void moved(UUID orgId, UUID id, UUID contactId, String state, @Nullable String address, @Nullable UUID delivery) {
        jdbc.sql("""
                        INSERT INTO review_handover_contact (org_id, handover_id, contact_id, state, address, delivery_id)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """).params(orgId, id, contactId, state, address, delivery).update();
    }

    /** A message's delivery ended: its recipient's state follows. */
    void delivered(UUID orgId, UUID deliveryId, String state) {
        jdbc.sql("""
                        UPDATE review_handover_contact SET state = ?
                         WHERE org_id = ? AND delivery_id = ? AND state = 'queued'
                        """).params(state, orgId, deliveryId).update();
    }

    /** How many of the hand-over's contacts are in each message state. */
    List<StateCount> states(UUID orgId, UUID id) {
        return jdbc.sql("""
                        SELECT state, count(*) AS n FROM review_handover_contact
                         WHERE org_id = ? AND handover_id = ? GROUP BY state ORDER BY state
                        """).params(orgId, id).query(StateCount.class).list();
    }

    record StateCount(String state, int n) {}

    private HandOver row(ResultSet rs, int n) throws SQLException {
        String filter = rs.getString("filter");
        return new HandOver(
                rs.getObject("id", UUID.class),
                rs.getObject("from_member", UUID.class),
                rs.getObject("to_member", UUID.class),
                rs.getObject("created_by", UUID.class),
                filter == null ? null : json.readValue(filter, ContactFilter.class),
                texts(rs.getArray("include")),
                rs.getString("channel"),
                rs.getString("message"),
                rs.getString("language"),
                rs.getString("phase"),
                rs.getObject("contact_cursor", UUID.class),
                rs.getInt("planned"),
                rs.getInt("contacts"),
                rs.getInt("conversations"),
                rs.getInt("tasks"),
                rs.getInt("messages"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
