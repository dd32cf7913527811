package io.liaison.chat.conversation;

import io.liaison.chat.UnreadChats;
import io.liaison.identity.Actor;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's conversations with unread messages in one read, from their participations (the member's
 * index, with the read mark) and one subtraction each: how many conversations and the latest
 * ones, a direct conversation named by its other members. The unread messages in all come with them,
 * kept for the navigation's badge of the same page.
 */
@Component
class UnreadConversations implements UnreadChats {

    private final JdbcClient jdbc;

    UnreadConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Summary of(Actor actor) {
        int[] conversations = {0};
        long[] messages = {0};
        List<Unread> latest = new ArrayList<>();
        // the count over every unread conversation, the names only of the latest (after the limit)
        jdbc.sql("""
                        SELECT c.id, c.last_seq - p.read_seq AS unread, c.last_message_at,
                               count(*) OVER () AS conversations,
                               sum(c.last_seq - p.read_seq) OVER () AS messages,
                               coalesce(c.name, (SELECT string_agg(m.display_name, '、' ORDER BY m.display_name)
                                                   FROM conversation_participant o
                                                   JOIN member m ON m.org_id = o.org_id AND m.id = o.member_id
                                                  WHERE o.org_id = c.org_id AND o.conversation_id = c.id
                                                    AND o.member_id <> p.member_id), '') AS name
                          FROM conversation_participant p
                          JOIN conversation c ON c.org_id = p.org_id AND c.id = p.conversation_id
                         WHERE p.org_id = ? AND p.member_id = ? AND p.left_at IS NULL AND c.last_seq > p.read_seq
                         ORDER BY c.last_message_at DESC NULLS LAST, c.id LIMIT ?
                        """).params(actor.orgId(), actor.memberId(), LATEST).query(rs -> {
            conversations[0] = rs.getInt("conversations");
            messages[0] = rs.getLong("messages");
            Timestamp last = rs.getTimestamp("last_message_at");
            latest.add(new Unread(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getLong("unread"),
                    last == null ? null : last.toInstant()));
        });
        Participation.remember(actor.orgId(), actor.memberId(), messages[0]);
        return new Summary(conversations[0], List.copyOf(latest));
    }
}
