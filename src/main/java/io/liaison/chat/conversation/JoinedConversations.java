package io.liaison.chat.conversation;

import io.liaison.chat.ChatConversations;
import io.liaison.identity.Actor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JoinedConversations implements ChatConversations {

    private final JdbcClient jdbc;

    JoinedConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> joined(Actor actor, Collection<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                        SELECT c.id, coalesce(c.name, (SELECT string_agg(m.display_name, '、' ORDER BY m.display_name)
                                                         FROM conversation_participant o
                                                         JOIN member m ON m.org_id = o.org_id AND m.id = o.member_id
                                                        WHERE o.org_id = c.org_id AND o.conversation_id = c.id
                                                          AND o.member_id <> p.member_id), '') AS name
                          FROM conversation c
                          JOIN conversation_participant p ON p.org_id = c.org_id AND p.conversation_id = c.id
                         WHERE c.org_id = ? AND c.id = ANY (?) AND c.dissolved_at IS NULL
                           AND p.member_id = ? AND p.left_at IS NULL
                        """)
                .params(actor.orgId(), ids.toArray(UUID[]::new), actor.memberId())
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }
}
