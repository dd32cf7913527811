package io.liaison.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a merge of contacts does to customer groups: the merged contacts' conversation links move to
 * the survivor, and an undo moves exactly those back. Runs in the caller's transaction.
 */
@Component
public class ConversationContactMerge {

    private final JdbcClient jdbc;

    ConversationContactMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A conversation link that left {@code contactId}: moved to the survivor, or dropped where the
     * survivor was linked to the conversation already (the undo puts it back).
     */
    public record MovedLink(UUID conversationId, UUID contactId, boolean dropped) {}

    /** Moves the conversation links of {@code fromIds} to {@code toId}; answers what moved. */
    public List<MovedLink> move(UUID orgId, Collection<UUID> fromIds, UUID toId) {
        List<MovedLink> moved = new ArrayList<>();
        for (UUID from : fromIds) {
            jdbc.sql("""
                            DELETE FROM conversation_contact t WHERE org_id = ? AND contact_id = ?
                               AND EXISTS (SELECT 1 FROM conversation_contact s WHERE s.org_id = t.org_id
                                              AND s.conversation_id = t.conversation_id AND s.contact_id = ?)
                            RETURNING conversation_id
                            """)
                    .params(orgId, from, toId)
                    .query(UUID.class)
                    .list()
                    .forEach(id -> moved.add(new MovedLink(id, from, true)));
            jdbc.sql("""
                            UPDATE conversation_contact SET contact_id = ? WHERE org_id = ? AND contact_id = ?
                            RETURNING conversation_id
                            """)
                    .params(toId, orgId, from)
                    .query(UUID.class)
                    .list()
                    .forEach(id -> moved.add(new MovedLink(id, from, false)));
        }
        return moved;
    }

    /** Moves back what {@link #move} answered, as far as it is still on {@code toId}. */
    public void moveBack(UUID orgId, UUID toId, List<MovedLink> moved) {
        for (MovedLink link : moved) {
            if (link.dropped()) {
                jdbc.sql("""
                                INSERT INTO conversation_contact (org_id, conversation_id, contact_id) VALUES (?, ?, ?)
                                ON CONFLICT DO NOTHING
                                """)
                        .params(orgId, link.conversationId(), link.contactId())
                        .update();
            } else {
                jdbc.sql("""
                                UPDATE conversation_contact SET contact_id = ?
                                 WHERE org_id = ? AND conversation_id = ? AND contact_id = ?
                                """)
                        .params(link.contactId(), orgId, link.conversationId(), toId)
                        .update();
            }
        }
    }
}
