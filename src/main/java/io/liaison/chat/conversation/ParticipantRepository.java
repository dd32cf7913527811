package io.liaison.chat.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The participants of conversations: who is in, with which role, muted or not, and what they have read. */
@Repository
class ParticipantRepository {

    private final JdbcClient jdbc;

    ParticipantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current participants, owner first, then admins, then by when they joined; at most {@code limit}. */
    List<Participant> current(UUID orgId, UUID conversationId, int limit) {
        return jdbc.sql("""
                        SELECT p.member_id, m.display_name, p.role, p.muted, p.read_seq, p.joined_at
                          FROM conversation_participant p
                          JOIN member m ON m.org_id = p.org_id AND m.id = p.member_id
                         WHERE p.org_id = ? AND p.conversation_id = ? AND p.left_at IS NULL
                         ORDER BY CASE p.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, p.joined_at, p.member_id
                         LIMIT ?
                        """)
                .params(orgId, conversationId, limit)
                .query((rs, n) -> new Participant(
                        rs.getObject("member_id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("role"),
                        rs.getBoolean("muted"),
                        rs.getLong("read_seq"),
                        rs.getTimestamp("joined_at").toInstant()))
                .list();
    }

    Optional<Participant> member(UUID orgId, UUID conversationId, UUID memberId) {
        return current(orgId, conversationId, Integer.MAX_VALUE).stream()
                .filter(p -> p.memberId().equals(memberId))
                .findFirst();
    }

    int count(UUID orgId, UUID conversationId) {
        return jdbc.sql("""
                        SELECT count(*) FROM conversation_participant
                         WHERE org_id = ? AND conversation_id = ? AND left_at IS NULL
                        """).params(orgId, conversationId).query(Integer.class).single();
    }

    /** The active members of the organization among {@code ids}. */
    List<UUID> activeMembers(UUID orgId, Collection<UUID> ids) {
        return jdbc.sql("SELECT id FROM member WHERE org_id = ? AND id = ANY (?) AND active")
                .params(orgId, ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /**
     * Adds members, or brings back ones who had left; they start with everything so far read. Answers
     * the ids that were not already in.
     */
    List<UUID> add(UUID orgId, UUID conversationId, Collection<UUID> memberIds, String role) {
        return jdbc.sql("""
                        INSERT INTO conversation_participant (org_id, conversation_id, id, member_id, role, read_seq)
                        SELECT ?, ?, gen_random_uuid(), m, ?,
                               (SELECT last_seq FROM conversation WHERE org_id = ? AND id = ?)
                          FROM unnest(?) AS m
                        ON CONFLICT (org_id, conversation_id, member_id) WHERE member_id IS NOT NULL
                        DO UPDATE SET left_at = NULL, joined_at = now(), role = EXCLUDED.role, muted = false,
                                      read_seq = EXCLUDED.read_seq
                         WHERE conversation_participant.left_at IS NOT NULL
                        RETURNING member_id
                        """)
                .params(orgId, conversationId, role, orgId, conversationId, memberIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    boolean remove(UUID orgId, UUID conversationId, UUID memberId) {
        return jdbc.sql("""
                        UPDATE conversation_participant SET left_at = now()
                         WHERE org_id = ? AND conversation_id = ? AND member_id = ? AND left_at IS NULL
                        """).params(orgId, conversationId, memberId).update() == 1;
    }

    void change(UUID orgId, UUID conversationId, UUID memberId, String role, boolean muted) {
        jdbc.sql("""
                        UPDATE conversation_participant SET role = ?, muted = ?
                         WHERE org_id = ? AND conversation_id = ? AND member_id = ? AND left_at IS NULL
                        """).params(role, muted, orgId, conversationId, memberId).update();
    }

    /**
     * Moves the read mark forward only: a lower number than the one stored changes nothing. Answers
     * whether it moved.
     */
    boolean read(UUID orgId, UUID conversationId, UUID memberId, long seq) {
        return jdbc.sql("""
                        UPDATE conversation_participant SET read_seq = ?
                         WHERE org_id = ? AND conversation_id = ? AND member_id = ? AND left_at IS NULL
                           AND read_seq < ?
                        """).params(seq, orgId, conversationId, memberId, seq).update() == 1;
    }
}
