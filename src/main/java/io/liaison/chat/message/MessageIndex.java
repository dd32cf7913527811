package io.liaison.chat.message;

import io.liaison.chat.ChatUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages found by a piece of their text, newest first, in the conversations of a member or a guest. A common word
 * is in a page of the latest messages: the search first reads at most {@link #WALK} of them, newest
 * first, and checks each. A rarer word is looked up by its keys (index {@code chat_message_words} over
 * {@code chat_words}: every character and character pair of a message, behind its organization's id;
 * migration V32), which list few messages, and each candidate is checked for the whole query. Either
 * way the cost is a page's worth of rows or a rare word's few, not the conversations' whole history.
 */
@Repository
class MessageIndex {

    /** The most of the latest messages a search checks before it looks the word up by its keys. */
    static final int WALK = 2_000;

    private final JdbcClient jdbc;

    MessageIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where to search and from where on: one conversation or all the user's, before a cursor. */
    record Scope(
            ChatUser user,
            @Nullable UUID conversationId,
            @Nullable Instant beforeAt,
            @Nullable UUID beforeId) {}

    /** At most {@code limit} messages not recalled whose text holds {@code text}, case-insensitive. */
    List<MessageRow> search(Scope scope, String text, int limit) {
        UUID[] conversations = scope.conversationId() != null
                ? new UUID[] {scope.conversationId()}
                : jdbc.sql("""
                                SELECT conversation_id FROM conversation_participant
                                 WHERE org_id = ? AND %s = ? AND left_at IS NULL
                                """.formatted(scope.user().column()))
                        .params(scope.user().orgId(), scope.user().id())
                        .query(UUID.class)
                        .list()
                        .toArray(UUID[]::new);
        if (conversations.length == 0) {
            return List.of();
        }
        List<MessageRow> recent = walk(scope, conversations, text, limit);
        return recent.size() >= limit ? recent : lookup(scope, conversations, text, limit);
    }

    /** The matches among the latest {@link #WALK} messages; all of the page when the word is common. */
    private List<MessageRow> walk(Scope scope, UUID[] conversations, String text, int limit) {
        List<Object> params = new ArrayList<>(List.of(scope.user().orgId()));
        String where = " m.org_id = ? AND m.recalled_at IS NULL" + in(conversations, params) + before(scope, params);
        params.add(WALK);
        params.add(text);
        params.add(limit);
        return jdbc.sql("SELECT " + MessageRepository.COLUMNS + " FROM (SELECT * FROM chat_message m WHERE" + where
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT ?) m"
                        + " WHERE strpos(lower(m.text), lower(?)) > 0 ORDER BY m.created_at DESC, m.id DESC LIMIT ?")
                .params(params)
                .query(MessageRepository::row)
                .list();
    }

    /** The matches among the messages that hold every key of the query. */
    private List<MessageRow> lookup(Scope scope, UUID[] conversations, String text, int limit) {
        List<Object> params =
                new ArrayList<>(List.of(scope.user().orgId(), scope.user().orgId(), text, text));
        String where = """
                 m.org_id = ? AND m.recalled_at IS NULL
                  AND chat_words(m.org_id, m.text) @> chat_query_words(?, ?) AND strpos(lower(m.text), lower(?)) > 0
                """ + in(conversations, params) + before(scope, params);
        params.add(limit);
        return jdbc.sql("SELECT " + MessageRepository.COLUMNS + " FROM chat_message m WHERE" + where
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT ?")
                .params(params)
                .query(MessageRepository::row)
                .list();
    }

    /** One conversation by equality, so that its own time index serves it; several as a list. */
    private static String in(UUID[] conversations, List<Object> params) {
        if (conversations.length == 1) {
            params.add(conversations[0]);
            return " AND m.conversation_id = ?";
        }
        params.add(conversations);
        return " AND m.conversation_id = ANY (?)";
    }

    private static String before(Scope scope, List<Object> params) {
        if (scope.beforeAt() == null || scope.beforeId() == null) {
            return "";
        }
        params.add(Timestamp.from(scope.beforeAt()));
        params.add(scope.beforeId());
        return " AND (m.created_at, m.id) < (?, ?)";
    }
}
