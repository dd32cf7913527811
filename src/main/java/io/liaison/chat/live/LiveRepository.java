package io.liaison.chat.live;

import io.liaison.chat.ChatUser;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the socket reads of conversations: whose they are, their last number and a guest's view of them. */
@Repository
class LiveRepository {

    private final JdbcClient jdbc;

    LiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A conversation a socket follows, with its last sequence number when it was read. */
    record Followed(UUID id, long lastSeq) {}

    /** The participant's current conversations, latest first, at most {@code limit}. */
    List<Followed> conversations(Who who, int limit) {
        return jdbc.sql("""
                        SELECT c.id, c.last_seq
                          FROM conversation_participant p
                          JOIN conversation c ON c.org_id = p.org_id AND c.id = p.conversation_id
                         WHERE p.org_id = ? AND p.left_at IS NULL AND p.%s = ?
                         ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.id
                         LIMIT ?
                        """.formatted(ChatUser.column(who.guest())))
                .params(who.orgId(), who.id(), limit)
                .query((rs, n) -> new Followed(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
    }

    /** The conversation's current participants. */
    Set<Who> participants(UUID orgId, UUID conversationId) {
        return new HashSet<>(jdbc.sql("""
                        SELECT member_id, guest_id FROM conversation_participant
                         WHERE org_id = ? AND conversation_id = ? AND left_at IS NULL
                        """)
                .params(orgId, conversationId)
                .query((rs, n) -> {
                    UUID member = rs.getObject(1, UUID.class);
                    return member != null
                            ? new Who(orgId, member, false)
                            : new Who(orgId, rs.getObject(2, UUID.class), true);
                })
                .list());
    }

    /** The conversation's last sequence number, if it exists. */
    Optional<Long> lastSeq(UUID orgId, UUID conversationId) {
        return jdbc.sql("SELECT last_seq FROM conversation WHERE org_id = ? AND id = ?")
                .params(orgId, conversationId)
                .query(Long.class)
                .optional();
    }

    /** Whether the group lets its guests see who else is in it (and so their read marks and typing). */
    boolean guestsSeeParticipants(UUID orgId, UUID conversationId) {
        return jdbc.sql("SELECT guests_see_participants FROM conversation WHERE org_id = ? AND id = ?")
                .params(orgId, conversationId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
