package io.liaison.integration.dav;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The address book tables: the organization's book tags, and each member's book with the cards last served. */
@Repository
class DavRepository {

    private final JdbcClient jdbc;

    DavRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> tagIds(UUID orgId) {
        return jdbc.sql("SELECT tag_ids FROM dav_setting WHERE org_id = ?")
                .param(orgId)
                .query((rs, n) -> List.of((UUID[]) rs.getArray(1).getArray()))
                .optional()
                .orElse(List.of());
    }

    void saveTagIds(UUID orgId, List<UUID> tagIds) {
        jdbc.sql("""
                        INSERT INTO dav_setting (org_id, tag_ids) VALUES (?, ?)
                        ON CONFLICT (org_id) DO UPDATE SET tag_ids = excluded.tag_ids
                        """).params(orgId, tagIds.toArray(UUID[]::new)).update();
    }

    /** The member's book, created if new and locked until the transaction ends: one refresh at a time. */
    Book lockBook(UUID orgId, UUID memberId) {
        jdbc.sql("INSERT INTO dav_book (org_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(orgId, memberId)
                .update();
        return jdbc.sql("SELECT seq, floor_seq FROM dav_book WHERE org_id = ? AND member_id = ? FOR UPDATE")
                .params(orgId, memberId)
                .query((rs, n) -> new Book(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    record Book(long seq, long floorSeq) {}

    /** A card as last served: its ETag, and whether it has left the book since. */
    record Served(String etag, boolean removed) {}

    Map<UUID, Served> served(UUID orgId, UUID memberId) {
        Map<UUID, Served> served = new HashMap<>();
        jdbc.sql("SELECT contact_id, etag, removed FROM dav_card WHERE org_id = ? AND member_id = ?")
                .params(orgId, memberId)
                .query((rs, n) ->
                        served.put(rs.getObject(1, UUID.class), new Served(rs.getString(2), rs.getBoolean(3))))
                .list();
        return served;
    }

    void changed(UUID orgId, UUID memberId, Map<UUID, String> etags, long seq) {
        if (etags.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO dav_card (org_id, member_id, contact_id, etag, changed_seq)
                        SELECT ?, ?, u.id, u.etag, ? FROM unnest(?::uuid[], ?::text[]) u (id, etag)
                        ON CONFLICT (org_id, member_id, contact_id) DO UPDATE
                           SET etag = excluded.etag, changed_seq = excluded.changed_seq, changed_at = now(),
                               removed = false
                        """)
                .params(
                        orgId,
                        memberId,
                        seq,
                        etags.keySet().toArray(UUID[]::new),
                        etags.values().toArray(String[]::new))
                .update();
    }

    void removed(UUID orgId, UUID memberId, List<UUID> ids, long seq) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE dav_card SET removed = true, changed_seq = ?, changed_at = now()
                         WHERE org_id = ? AND member_id = ? AND contact_id = ANY (?)
                        """).params(seq, orgId, memberId, ids.toArray(UUID[]::new)).update();
    }

    /**
     * Forgets the removed cards older than {@code days}; the book's floor rises to the newest
     * sequence forgotten, so that a token from before it is no longer answered.
     */
    void forgetTombstones(UUID orgId, UUID memberId, int days) {
        jdbc.sql("""
                        WITH gone AS (
                            DELETE FROM dav_card
                             WHERE org_id = ? AND member_id = ? AND removed AND changed_at < now() - make_interval(days => ?)
                            RETURNING changed_seq)
                        UPDATE dav_book SET floor_seq = greatest(floor_seq, (SELECT max(changed_seq) FROM gone))
                         WHERE org_id = ? AND member_id = ? AND EXISTS (SELECT 1 FROM gone)
                        """).params(orgId, memberId, days, orgId, memberId).update();
    }

    void advance(UUID orgId, UUID memberId, long seq) {
        jdbc.sql("UPDATE dav_book SET seq = ? WHERE org_id = ? AND member_id = ?")
                .params(seq, orgId, memberId)
                .update();
    }

    /** A card changed or removed after a sync token. */
    record Change(UUID contactId, String etag, boolean removed) {}

    List<Change> since(UUID orgId, UUID memberId, long seq) {
        return jdbc.sql("""
                        SELECT contact_id, etag, removed FROM dav_card
                         WHERE org_id = ? AND member_id = ? AND changed_seq > ?
                         ORDER BY changed_seq, contact_id
                        """)
                .params(orgId, memberId, seq)
                .query((rs, n) -> new Change(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)))
                .list();
    }
}
