package io.liaison.chat.message;

import io.liaison.chat.ChatUser;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages of conversations; every query is bound to one organization and one conversation. */
@Repository
class MessageRepository {

    static final String COLUMNS = """
            m.id, m.conversation_id, m.seq, m.author_id, m.author_kind, m.text, m.html, m.reply_to, m.mention_ids,
            m.mentions_all, m.file_ids, m.edited_at, m.recalled_at, m.created_at,
            CASE m.author_kind
                 WHEN 'guest' THEN (SELECT g.display_name FROM guest g WHERE g.org_id = m.org_id AND g.id = m.author_id)
                 ELSE (SELECT a.display_name FROM member a WHERE a.org_id = m.org_id AND a.id = m.author_id)
            END AS author_name
            """;

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next sequence number of a conversation that is not dissolved, taken in the caller's
     * transaction: the row stays locked until it ends, so numbers follow the order of the commits.
     */
    OptionalLong nextSeq(UUID orgId, UUID conversationId) {
        return jdbc.sql("""
                        UPDATE conversation SET last_seq = last_seq + 1, last_message_at = now()
                         WHERE org_id = ? AND id = ? AND dissolved_at IS NULL
                        RETURNING last_seq
                        """)
                .params(orgId, conversationId)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    void insert(UUID orgId, MessageRow m, List<UUID> mentionIds, boolean mentionsAll) {
        jdbc.sql("""
                        INSERT INTO chat_message (org_id, conversation_id, id, seq, author_id, author_kind, text, html,
                                                  reply_to, mention_ids, mentions_all, file_ids)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        orgId,
                        m.conversationId(),
                        m.id(),
                        m.seq(),
                        m.authorId(),
                        m.authorKind(),
                        m.text(),
                        m.html(),
                        m.replyTo(),
                        mentionIds.toArray(UUID[]::new),
                        mentionsAll,
                        m.fileIds().toArray(UUID[]::new))
                .update();
    }

    Optional<MessageRow> find(UUID orgId, UUID conversationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM chat_message m WHERE m.org_id = ? AND m.conversation_id = ? AND m.id = ?")
                .params(orgId, conversationId, id)
                .query(MessageRepository::row)
                .optional();
    }

    /** The messages after {@code afterSeq}, oldest first. */
    List<MessageRow> after(UUID orgId, UUID conversationId, long afterSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM chat_message m WHERE m.org_id = ? AND m.conversation_id = ? AND m.seq > ?
                        ORDER BY m.seq LIMIT ?
                        """)
                .params(orgId, conversationId, afterSeq, limit)
                .query(MessageRepository::row)
                .list();
    }

    /** The messages before {@code beforeSeq} ({@code null}: the latest), newest first. */
    List<MessageRow> before(UUID orgId, UUID conversationId, @Nullable Long beforeSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM chat_message m WHERE m.org_id = ? AND m.conversation_id = ? AND m.seq < ?
                        ORDER BY m.seq DESC LIMIT ?
                        """)
                .params(orgId, conversationId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit)
                .query(MessageRepository::row)
                .list();
    }

    /** The latest message of each of these conversations. */
    List<MessageRow> latest(UUID orgId, Collection<UUID> conversationIds) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM conversation c
                         JOIN chat_message m ON m.org_id = c.org_id AND m.conversation_id = c.id AND m.seq = c.last_seq
                        WHERE c.org_id = ? AND c.id = ANY (?)
                        """)
                .params(orgId, conversationIds.toArray(UUID[]::new))
                .query(MessageRepository::row)
                .list();
    }

    boolean edit(UUID orgId, UUID id, String text, String html, List<UUID> mentionIds, boolean mentionsAll) {
        return jdbc.sql("""
                        UPDATE chat_message SET text = ?, html = ?, mention_ids = ?, mentions_all = ?, edited_at = now()
                         WHERE org_id = ? AND id = ? AND recalled_at IS NULL
                        """)
                        .params(text, html, mentionIds.toArray(UUID[]::new), mentionsAll, orgId, id)
                        .update()
                == 1;
    }

    /** Recalls a message posted after {@code since}: its text, mentions and files are gone for everyone. */
    boolean recall(UUID orgId, UUID id, Instant since) {
        return jdbc.sql("""
                        UPDATE chat_message SET text = NULL, html = NULL, mention_ids = '{}', mentions_all = false,
                               file_ids = '{}', recalled_at = now()
                         WHERE org_id = ? AND id = ? AND recalled_at IS NULL AND created_at > ?
                        """).params(orgId, id, Timestamp.from(since)).update() == 1;
    }

    /** What a mention notification says: the author's name, the conversation's name (none: direct) and the text. */
    record Notice(
            String author,
            @Nullable String conversation,
            @Nullable String text) {}

    Optional<Notice> notice(UUID orgId, UUID messageId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        , c.name
                          FROM chat_message m
                          JOIN conversation c ON c.org_id = m.org_id AND c.id = m.conversation_id
                         WHERE m.org_id = ? AND m.id = ?
                        """)
                .params(orgId, messageId)
                .query((rs, n) -> new Notice(rs.getString("author_name"), rs.getString("name"), rs.getString("text")))
                .optional();
    }

    /** The members among {@code ids} (all current participants when {@code all}) who are in the conversation. */
    List<UUID> participants(UUID orgId, UUID conversationId, Collection<UUID> ids, boolean all) {
        return jdbc.sql("""
                        SELECT member_id FROM conversation_participant
                         WHERE org_id = ? AND conversation_id = ? AND left_at IS NULL AND member_id IS NOT NULL
                           AND (? OR member_id = ANY (?))
                        """)
                .params(orgId, conversationId, all, ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /**
     * Whether the user is in a conversation where a message that is not recalled carries the file:
     * {@code null} when in none; else whether one of those conversations lets guests download files
     * (always true for a member).
     */
    @Nullable
    Boolean readable(ChatUser user, UUID fileId) {
        return jdbc.sql("""
                        SELECT bool_or(c.guests_download OR p.member_id IS NOT NULL)
                          FROM chat_message m
                          JOIN conversation_participant p ON p.org_id = m.org_id
                               AND p.conversation_id = m.conversation_id AND p.%s = ? AND p.left_at IS NULL
                          JOIN conversation c ON c.org_id = m.org_id AND c.id = m.conversation_id
                         WHERE m.org_id = ? AND m.file_ids @> ARRAY[?]::uuid[] AND m.recalled_at IS NULL
                        """.formatted(user.column()))
                .params(user.id(), user.orgId(), fileId)
                .query(Boolean.class)
                .optional()
                .orElse(null);
    }

    static MessageRow row(ResultSet rs, int n) throws SQLException {
        List<String> mentions = new ArrayList<>(
                ids(rs.getArray("mention_ids")).stream().map(UUID::toString).toList());
        if (rs.getBoolean("mentions_all")) {
            mentions.add(MessageRow.ALL);
        }
        return new MessageRow(
                rs.getObject("id", UUID.class),
                rs.getObject("conversation_id", UUID.class),
                rs.getLong("seq"),
                rs.getObject("author_id", UUID.class),
                rs.getString("author_kind"),
                rs.getString("author_name"),
                rs.getString("text"),
                rs.getString("html"),
                rs.getObject("reply_to", UUID.class),
                mentions,
                ids(rs.getArray("file_ids")),
                instant(rs, "edited_at"),
                instant(rs, "recalled_at"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<UUID> ids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
