package io.liaison.chat.conversation;

import io.liaison.chat.ChatUser;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The participants of conversations, members and guests: who is in, with which role, muted or not,
 * and what they have read. A guest's row carries their guest id instead of a member id.
 */
@Repository
class ParticipantRepository {

    private final JdbcClient jdbc;

    ParticipantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current participants, owner first, then admins, then by when they joined; at most {@code limit}. */
    List<Participant> current(UUID orgId, UUID conversationId, int limit) {
        return current(orgId, conversationId, null, limit);
    }

    /**
     * The same; with {@code guestId}, only the owner, the admins and that guest (what a guest sees of a
     * group whose guests do not see its participants).
     */
    List<Participant> current(UUID orgId, UUID conversationId, @Nullable UUID guestId, int limit) {
        return jdbc.sql("""
                        SELECT p.member_id, p.guest_id, coalesce(m.display_name, g.display_name) AS display_name,
                               p.role, p.muted, p.read_seq, p.joined_at
                          FROM conversation_participant p
                          LEFT JOIN member m ON m.org_id = p.org_id AND m.id = p.member_id
                          LEFT JOIN guest g ON g.org_id = p.org_id AND g.id = p.guest_id
                         WHERE p.org_id = ? AND p.conversation_id = ? AND p.left_at IS NULL
                           AND (?::uuid IS NULL OR p.role IN ('owner', 'admin') OR p.guest_id = ?)
                         ORDER BY CASE p.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, p.joined_at, p.id
                         LIMIT ?
                        """)
                .params(orgId, conversationId, guestId, guestId, limit)
                .query((rs, n) -> {
                    UUID member = rs.getObject("member_id", UUID.class);
                    return new Participant(
                            member,
                            rs.getObject("guest_id", UUID.class),
                            member == null ? ChatUser.GUEST : ChatUser.MEMBER,
                            rs.getString("display_name"),
                            rs.getString("role"),
                            rs.getBoolean("muted"),
                            rs.getLong("read_seq"),
                            rs.getTimestamp("joined_at").toInstant());
                })
                .list();
    }

    Optional<Participant> member(UUID orgId, UUID conversationId, UUID memberId) {
        return current(orgId, conversationId, Integer.MAX_VALUE).stream()
                .filter(p -> memberId.equals(p.memberId()))
                .findFirst();
    }

    Optional<Participant> guest(UUID orgId, UUID conversationId, UUID guestId) {
        return current(orgId, conversationId, Integer.MAX_VALUE).stream()
                .filter(p -> guestId.equals(p.guestId()))
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

    /**
     * Adds a guest as a member of the conversation, or brings them back; they see the history but
     * start with it read. False when they were already in.
     */
    boolean addGuest(UUID orgId, UUID conversationId, UUID guestId) {
        return jdbc.sql("""
                        INSERT INTO conversation_participant (org_id, conversation_id, id, guest_id, role, read_seq)
                        SELECT ?, ?, gen_random_uuid(), ?, 'member', last_seq
                          FROM conversation WHERE org_id = ? AND id = ?
                        ON CONFLICT (org_id, conversation_id, guest_id) WHERE guest_id IS NOT NULL
                        DO UPDATE SET left_at = NULL, joined_at = now(), muted = false, read_seq = EXCLUDED.read_seq
                         WHERE conversation_participant.left_at IS NOT NULL
                        """)
                        .params(orgId, conversationId, guestId, orgId, conversationId)
                        .update()
                == 1;
    }

    boolean remove(UUID orgId, UUID conversationId, UUID memberId) {
        return jdbc.sql("""
                        UPDATE conversation_participant SET left_at = now()
                         WHERE org_id = ? AND conversation_id = ? AND member_id = ? AND left_at IS NULL
                        """).params(orgId, conversationId, memberId).update() == 1;
    }

    boolean removeGuest(UUID orgId, UUID conversationId, UUID guestId) {
        return jdbc.sql("""
                        UPDATE conversation_participant SET left_at = now()
                         WHERE org_id = ? AND conversation_id = ? AND guest_id = ? AND left_at IS NULL
                        """).params(orgId, conversationId, guestId).update() == 1;
    }

    /** Takes the guest out of every conversation they are in and answers those conversations. */
    List<UUID> removeGuestEverywhere(UUID orgId, UUID guestId) {
        return jdbc.sql("""
                        UPDATE conversation_participant SET left_at = now()
                         WHERE org_id = ? AND guest_id = ? AND left_at IS NULL
                        RETURNING conversation_id
                        """).params(orgId, guestId).query(UUID.class).list();
    }

    /** How many conversations the guest is in now. */
    int guestConversations(UUID orgId, UUID guestId) {
        return jdbc.sql("""
                        SELECT count(*) FROM conversation_participant
                         WHERE org_id = ? AND guest_id = ? AND left_at IS NULL
                        """).params(orgId, guestId).query(Integer.class).single();
    }

    void change(UUID orgId, UUID conversationId, UUID memberId, String role, boolean muted) {
        jdbc.sql("""
                        UPDATE conversation_participant SET role = ?, muted = ?
                         WHERE org_id = ? AND conversation_id = ? AND member_id = ? AND left_at IS NULL
                        """).params(role, muted, orgId, conversationId, memberId).update();
    }

    void muteGuest(UUID orgId, UUID conversationId, UUID guestId, boolean muted) {
        jdbc.sql("""
                        UPDATE conversation_participant SET muted = ?
                         WHERE org_id = ? AND conversation_id = ? AND guest_id = ? AND left_at IS NULL
                        """).params(muted, orgId, conversationId, guestId).update();
    }

    /**
     * Moves the user's read mark forward only: a lower number than the one stored changes nothing.
     * Answers whether it moved.
     */
    boolean read(ChatUser user, UUID conversationId, long seq) {
        return jdbc.sql("UPDATE conversation_participant SET read_seq = ?"
                                + " WHERE org_id = ? AND conversation_id = ? AND "
                                + user.column()
                                + " = ? AND left_at IS NULL AND read_seq < ?")
                        .params(seq, user.orgId(), conversationId, user.id(), seq)
                        .update()
                == 1;
    }
}
