package io.liaison.chat.conversation;

import io.liaison.chat.UnreadChats;
import io.liaison.identity.Actor;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member's conversations with unread messages, from their participations (the member's index) and
 * one subtraction each, as the navigation's badge counts them; a direct conversation is named by its
 * other members.
 */
@Component
class UnreadConversations implements UnreadChats {

    private static final String MINE_UNREAD = """
              FROM conversation_participant p
              JOIN conversation c ON c.org_id = p.org_id AND c.id = p.conversation_id
             WHERE p.org_id = ? AND p.member_id = ? AND p.left_at IS NULL AND c.last_seq > p.read_seq
            """;

    private final JdbcClient jdbc;

    UnreadConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Unread> latest(Actor actor, int limit) {
        return jdbc.sql("""
                        SELECT c.id, c.last_seq - p.read_seq AS unread, c.last_message_at,
                               coalesce(c.name, (SELECT string_agg(m.display_name, '、' ORDER BY m.display_name)
                                                   FROM conversation_participant o
                                                   JOIN member m ON m.org_id = o.org_id AND m.id = o.member_id
                                                  WHERE o.org_id = c.org_id AND o.conversation_id = c.id
                                                    AND o.member_id <> p.member_id), '') AS name
                        """ + MINE_UNREAD + """
                         ORDER BY c.last_message_at DESC NULLS LAST, c.id LIMIT ?
                        """)
                .params(actor.orgId(), actor.memberId(), limit)
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_message_at");
                    return new Unread(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getLong("unread"),
                            last == null ? null : last.toInstant());
                })
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public int count(Actor actor, int cap) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 " + MINE_UNREAD + " LIMIT ?) unread")
                .params(actor.orgId(), actor.memberId(), cap)
                .query(Integer.class)
                .single();
    }
}
