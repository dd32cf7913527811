package io.liaison.integration.change;

import io.liaison.shared.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code integration_change} table. Rows are only ever added, in the transaction of their change;
 * the one update takes a purged contact's name out of its earlier rows.
 */
@Repository
class ChangeRepository {

    /** Rows of transactions older than every one still running: no row can appear among them later. */
    static final String SETTLED = "ch.tx < pg_snapshot_xmin(pg_current_snapshot())";

    static final String COLUMNS =
            "ch.tx::text AS tx, ch.seq, ch.type, ch.resource_type, ch.resource_id, ch.contact_id, ch.actor_id,"
                    + " ch.occurred_at, ch.data::text AS data";

    /** The first settled changes of an organization after a place: organization, tx, seq, how many. */
    private static final String WINDOW = "SELECT * FROM integration_change ch WHERE ch.org_id = ?"
            + " AND (ch.tx, ch.seq) > (?::xid8, ?) AND " + SETTLED + " ORDER BY ch.tx, ch.seq LIMIT ?";

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChangeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds a change; with {@code contactName}, {@code data} gains the contact's name as it is now. */
    void insert(
            UUID orgId,
            String type,
            String resourceType,
            UUID resourceId,
            @Nullable UUID contactId,
            @Nullable UUID actorId,
            Map<String, Object> data,
            boolean contactName) {
        jdbc.sql("""
                        INSERT INTO integration_change (org_id, type, resource_type, resource_id, contact_id, actor_id, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb || CASE WHEN ? THEN jsonb_strip_nulls(jsonb_build_object('name',
                                (SELECT c.name FROM contact c WHERE c.org_id = ? AND c.id = ?))) ELSE '{}' END)
                        """)
                .params(
                        orgId,
                        type,
                        resourceType,
                        resourceId,
                        contactId,
                        actorId,
                        json.writeValueAsString(data),
                        contactName,
                        orgId,
                        contactId)
                .update();
    }

    /** A {@code contact.created} for each contact an import batch made, in the batch's order, in one statement. */
    void insertImported(UUID orgId, @Nullable UUID actorId, UUID jobId, List<UUID> contactIds) {
        jdbc.sql("""
                        INSERT INTO integration_change (org_id, type, resource_type, resource_id, contact_id, actor_id, data)
                        SELECT c.org_id, ?, 'contact', c.id, c.id, ?,
                               jsonb_build_object('name', c.name, 'source', 'import', 'importId', ?::text)
                          FROM unnest(?::uuid[]) WITH ORDINALITY AS g (id, n)
                          JOIN contact c ON c.org_id = ? AND c.id = g.id
                         ORDER BY g.n
                        """)
                .params(ChangeTypes.CONTACT_CREATED, actorId, jobId, contactIds.toArray(UUID[]::new), orgId)
                .update();
    }

    /**
     * A {@code contact.tags_changed} for each contact that carries some of {@code tagIds}, which are
     * being deleted, in one statement however many contacts carry them.
     */
    void insertTagsRemoved(UUID orgId, @Nullable UUID actorId, List<UUID> tagIds) {
        jdbc.sql("""
                        INSERT INTO integration_change (org_id, type, resource_type, resource_id, contact_id, actor_id, data)
                        SELECT c.org_id, ?, 'contact', c.id, c.id, ?, jsonb_build_object('name', c.name, 'added', '[]'::jsonb,
                               'removed', (SELECT jsonb_agg(ct.tag_id::text ORDER BY ct.tag_id) FROM contact_tag ct
                                            WHERE ct.org_id = c.org_id AND ct.contact_id = c.id AND ct.tag_id = ANY (?)))
                          FROM contact c
                         WHERE c.org_id = ? AND c.id IN (SELECT ct.contact_id FROM contact_tag ct
                                                          WHERE ct.org_id = ? AND ct.tag_id = ANY (?))
                         ORDER BY c.id
                        """)
                .params(
                        ChangeTypes.CONTACT_TAGS_CHANGED,
                        actorId,
                        tagIds.toArray(UUID[]::new),
                        orgId,
                        orgId,
                        tagIds.toArray(UUID[]::new))
                .update();
    }

    /** Takes the name of a contact whose personal data was erased out of its earlier changes. */
    void forgetName(UUID orgId, UUID contactId) {
        jdbc.sql("""
                        UPDATE integration_change SET data = data - 'name'
                         WHERE org_id = ? AND contact_id = ? AND data ->> 'name' IS NOT NULL
                        """).params(orgId, contactId).update();
    }

    /** Settled changes after {@code after}, in feed order, for the system (no visibility filter). */
    List<Change> after(UUID orgId, ChangeCursor after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM integration_change ch
                        WHERE ch.org_id = ? AND (ch.tx, ch.seq) > (?::xid8, ?) AND\s""" + SETTLED + """
                        ORDER BY ch.tx, ch.seq
                        LIMIT ?
                        """)
                .params(orgId, Long.toString(after.tx()), after.seq(), limit)
                .query((rs, n) -> change(rs))
                .list();
    }

    /**
     * Of the first {@code scan} settled changes after {@code after}, those {@code visible} lets through
     * (a condition on the change {@code ch} and its contact {@code c}, absent once purged), at most {@code
     * limit}. Run with {@link #lastOf} in one repeatable-read transaction, so both see the same changes.
     */
    List<Change> visible(UUID orgId, ChangeCursor after, int scan, SqlFragment visible, int limit) {
        List<Object> params = new ArrayList<>(List.of(orgId, Long.toString(after.tx()), after.seq(), scan));
        params.addAll(visible.params());
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM (" + WINDOW + """
                        ) ch LEFT JOIN contact c ON c.org_id = ch.org_id AND c.id = ch.contact_id
                         WHERE\s""" + visible.sql() + """

                         ORDER BY ch.tx, ch.seq
                         LIMIT ?
                        """)
                .params(params)
                .query((rs, n) -> change(rs))
                .list();
    }

    /** The last of the first {@code scan} settled changes after {@code after}, seen or not. */
    Optional<ChangeCursor> lastOf(UUID orgId, ChangeCursor after, int scan) {
        return jdbc.sql("SELECT ch.tx::text, ch.seq FROM (" + WINDOW + ") ch ORDER BY ch.tx DESC, ch.seq DESC LIMIT 1")
                .params(orgId, Long.toString(after.tx()), after.seq(), scan)
                .query((rs, n) -> new ChangeCursor(Long.parseLong(rs.getString(1)), rs.getLong(2)))
                .optional();
    }

    /** The newest settled change. */
    Optional<ChangeCursor> head(UUID orgId) {
        return jdbc.sql("SELECT ch.tx::text, ch.seq FROM integration_change ch WHERE ch.org_id = ? AND " + SETTLED
                        + " ORDER BY ch.tx DESC, ch.seq DESC LIMIT 1")
                .params(orgId)
                .query((rs, n) -> new ChangeCursor(Long.parseLong(rs.getString(1)), rs.getLong(2)))
                .optional();
    }

    Change change(ResultSet rs) throws SQLException {
        return new Change(
                new ChangeCursor(Long.parseLong(rs.getString("tx")), rs.getLong("seq")).text(),
                rs.getString("type"),
                rs.getString("resource_type"),
                rs.getObject("resource_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getObject("actor_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                json.readValue(rs.getString("data"), DATA));
    }
}
