package io.liaison.chat.conversation;

import io.liaison.chat.ChatUser;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the chat pages ask of a member's or a guest's place in conversations: whether they are in
 * one (any other is not found), and how many messages they have not read in all, for the
 * navigation's badge; one subtraction per conversation, never a count of messages.
 */
@Component
public class Participation {

    private static final int SCOPE = RequestAttributes.SCOPE_REQUEST;

    private final JdbcClient jdbc;

    Participation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean isIn(ChatUser user, UUID conversationId) {
        return jdbc.sql("SELECT count(*) FROM conversation_participant p WHERE p.org_id = ? AND p.conversation_id = ?"
                                + " AND p." + user.column() + " = ? AND p.left_at IS NULL")
                        .params(user.orgId(), conversationId, user.id())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * How many messages they have not read in all. Read once per request: a page that summarised the
     * member's unread chats (the workbench) counted them already ({@link #remember}), and the navigation's
     * badge takes that count.
     */
    @Transactional(readOnly = true)
    public long unread(ChatUser user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(key(user.orgId(), user.column(), user.id()), SCOPE) instanceof Long counted) {
            return counted;
        }
        return jdbc.sql("""
                        SELECT coalesce(sum(greatest(c.last_seq - p.read_seq, 0)), 0)
                          FROM conversation_participant p
                          JOIN conversation c ON c.org_id = p.org_id AND c.id = p.conversation_id
                         WHERE p.org_id = ? AND p.%s = ? AND p.left_at IS NULL
                        """.formatted(user.column()))
                .params(user.orgId(), user.id())
                .query(Long.class)
                .single();
    }

    /** Keeps a member's count of unread messages for the rest of the request, if there is one. */
    static void remember(UUID orgId, UUID memberId, long unread) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(key(orgId, ChatUser.column(false), memberId), unread, SCOPE);
        }
    }

    private static String key(UUID orgId, String column, UUID id) {
        return Participation.class.getName() + ".unread " + orgId + " " + column + " " + id;
    }
}
