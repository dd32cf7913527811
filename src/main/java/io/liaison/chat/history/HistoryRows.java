package io.liaison.chat.history;

import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A conversation's messages as an export writes them: with the author's name and the files' names. */
@Repository
class HistoryRows {

    private final JdbcClient jdbc;

    HistoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Line(
            long seq,
            Instant createdAt,
            @Nullable String author,
            @Nullable String text,
            List<String> files,
            boolean edited,
            boolean recalled) {}

    /** At most {@code limit} messages numbered above {@code afterSeq} and up to {@code lastSeq}, oldest first. */
    List<Line> page(UUID orgId, UUID conversationId, long afterSeq, long lastSeq, int limit) {
        return jdbc.sql("""
                        SELECT m.seq, m.created_at, coalesce(a.display_name, g.display_name) AS author, m.text,
                               ARRAY(SELECT f.name FROM chat_file f
                                      WHERE f.org_id = m.org_id AND f.id = ANY (m.file_ids)
                                      ORDER BY array_position(m.file_ids, f.id)) AS files,
                               m.edited_at IS NOT NULL AS edited, m.recalled_at IS NOT NULL AS recalled
                          FROM chat_message m
                          LEFT JOIN member a ON m.author_kind = 'member' AND a.org_id = m.org_id AND a.id = m.author_id
                          LEFT JOIN guest g ON m.author_kind = 'guest' AND g.org_id = m.org_id AND g.id = m.author_id
                         WHERE m.org_id = ? AND m.conversation_id = ? AND m.seq > ? AND m.seq <= ?
                         ORDER BY m.seq LIMIT ?
                        """)
                .params(orgId, conversationId, afterSeq, lastSeq, limit)
                .query((rs, n) -> new Line(
                        rs.getLong("seq"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("author"),
                        rs.getString("text"),
                        names(rs.getArray("files")),
                        rs.getBoolean("edited"),
                        rs.getBoolean("recalled")))
                .list();
    }

    private static List<String> names(Array array) throws java.sql.SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
