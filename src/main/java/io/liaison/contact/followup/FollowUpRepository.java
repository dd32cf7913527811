package io.liaison.contact.followup;

import io.liaison.contact.TimelineEntry;
import io.liaison.contact.search.SearchKeys;
import io.liaison.shared.Ids;
import io.liaison.shared.SqlFragment;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FollowUpRepository {

    private static final String SELECT = """
            SELECT f.id, f.contact_id, f.type, f.content, f.occurred_at, f.author_id, m.display_name AS author_name,
                   f.created_at, f.updated_at, f.version
              FROM follow_up f JOIN member m ON m.org_id = f.org_id AND m.id = f.author_id
            """;

    private final JdbcClient jdbc;

    private final SearchKeys searchKeys;

    FollowUpRepository(JdbcClient jdbc, SearchKeys searchKeys) {
        this.jdbc = jdbc;
        this.searchKeys = searchKeys;
    }

    /** Writes the follow-up and its entry in the contact's timeline, which keeps the author's name of the time. */
    void insert(UUID orgId, UUID id, UUID contactId, String type, String content, OffsetDateTime at, UUID author) {
        jdbc.sql("""
                        INSERT INTO follow_up (id, org_id, contact_id, type, content, occurred_at, author_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """).params(id, orgId, contactId, type, content, at, author).update();
        jdbc.sql("""
                        INSERT INTO contact_timeline (id, org_id, contact_id, actor_id, kind, data)
                        SELECT ?, m.org_id, ?, m.id, ?, jsonb_build_object('followUpId', ?::text, 'type', ?::text,
                               'names', jsonb_build_object(m.id::text, m.display_name))
                          FROM member m WHERE m.org_id = ? AND m.id = ?
                        """)
                .params(Ids.newId(), contactId, TimelineEntry.FOLLOW_UP, id, type, orgId, author)
                .update();
    }

    Optional<FollowUp> find(UUID orgId, UUID contactId, UUID id) {
        return jdbc.sql(SELECT + " WHERE f.org_id = ? AND f.contact_id = ? AND f.id = ?")
                .params(orgId, contactId, id)
                .query(FollowUp.class)
                .optional();
    }

    /** Newest first by when they happened; the cursor is the last row's id within that order. */
    List<FollowUp> page(UUID orgId, UUID contactId, @Nullable FollowUp after, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE f.org_id = ? AND f.contact_id = ?
                           AND (?::timestamptz IS NULL OR (f.occurred_at, f.id) < (?::timestamptz, ?))
                         ORDER BY f.occurred_at DESC, f.id DESC LIMIT ?
                        """)
                .params(
                        orgId,
                        contactId,
                        after == null ? null : after.occurredAt(),
                        after == null ? null : after.occurredAt(),
                        after == null ? null : after.id(),
                        limit)
                .query(FollowUp.class)
                .list();
    }

    /**
     * The latest follow-up of each of {@code contactIds} that {@code visible} (over contact row
     * {@code c}) lets the reader see: one probe of the contact's follow-up index each, so a page of the
     * list costs a page of probes however many contacts and follow-ups there are.
     */
    List<LastFollowUp> latest(List<UUID> contactIds, SqlFragment visible) {
        List<Object> params = new ArrayList<>();
        params.add(LastFollowUp.SNIPPET);
        params.add(contactIds.toArray(UUID[]::new));
        params.addAll(visible.params());
        return jdbc.sql(latestSql(visible))
                .params(params)
                .query(LastFollowUp.class)
                .list();
    }

    /** The statement of {@link #latest}: its parameters are the snippet's length, the ids, then {@code visible}'s. */
    static String latestSql(SqlFragment visible) {
        return """
                SELECT c.id AS contact_id, f.type, left(f.content, ?) AS snippet, f.occurred_at
                  FROM contact c
                  CROSS JOIN LATERAL (
                        SELECT f.type, f.content, f.occurred_at FROM follow_up f
                         WHERE f.org_id = c.org_id AND f.contact_id = c.id
                         ORDER BY f.occurred_at DESC, f.id DESC LIMIT 1) f
                 WHERE c.id = ANY(?) AND """ + visible.sql();
    }

    boolean update(UUID orgId, UUID id, String type, String content, OffsetDateTime at, long version) {
        return jdbc.sql("""
                        UPDATE follow_up SET type = ?, content = ?, occurred_at = ?, updated_at = now(),
                               version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ?
                        """).params(type, content, at, orgId, id, version).update() == 1;
    }

    void delete(UUID orgId, UUID id) {
        jdbc.sql("DELETE FROM follow_up WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .update();
    }

    /**
     * The contact's last-contacted time after a follow-up is recorded, edited or deleted: its latest
     * follow-up, or the last contact other modules witnessed (a chat message, an e-mail) when later.
     */
    void recomputeLastContacted(UUID orgId, UUID contactId) {
        jdbc.sql("""
                        UPDATE contact SET last_contacted_at = greatest(last_activity_at,
                               (SELECT max(occurred_at) FROM follow_up WHERE org_id = ? AND contact_id = ?))
                         WHERE org_id = ? AND id = ?
                        """).params(orgId, contactId, orgId, contactId).update();
        searchKeys.rewrite(orgId, contactId);
    }
}
