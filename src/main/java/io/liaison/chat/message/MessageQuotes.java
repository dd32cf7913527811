package io.liaison.chat.message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quotes of the replies among a page of messages, read in one query for the whole page: the quoted
 * message's number, its author's name (a member's or a guest's) and an excerpt of its text, or that it
 * was recalled.
 */
@Service
public class MessageQuotes {

    public static final int EXCERPT = 100;

    private final JdbcClient jdbc;

    MessageQuotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Quoted(
            UUID id,
            UUID conversationId,
            long seq,
            @Nullable String text,
            boolean recalled,
            @Nullable String author) {}

    /** The quote of each reply among {@code messages}, by the reply's id; messages of {@code orgId}. */
    @Transactional(readOnly = true)
    public Map<UUID, Quote> of(UUID orgId, List<MessageRow> messages) {
        List<UUID> quoted = messages.stream()
                .map(MessageRow::replyTo)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (quoted.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Quoted> found = new HashMap<>();
        jdbc.sql("""
                        SELECT m.id, m.conversation_id, m.seq, m.text, m.recalled_at IS NOT NULL AS recalled,
                               coalesce(a.display_name, g.display_name) AS author
                          FROM chat_message m
                          LEFT JOIN member a ON m.author_kind = 'member' AND a.org_id = m.org_id AND a.id = m.author_id
                          LEFT JOIN guest g ON m.author_kind = 'guest' AND g.org_id = m.org_id AND g.id = m.author_id
                         WHERE m.org_id = ? AND m.id = ANY (?)
                        """)
                .params(orgId, quoted.toArray(UUID[]::new))
                .query(Quoted.class)
                .list()
                .forEach(q -> found.put(q.id(), q));
        Map<UUID, Quote> quotes = new HashMap<>();
        for (MessageRow m : messages) {
            Quoted q = m.replyTo() == null ? null : found.get(m.replyTo());
            if (q != null && q.conversationId().equals(m.conversationId())) {
                quotes.put(
                        m.id(),
                        new Quote(
                                q.id(),
                                q.seq(),
                                q.author() == null ? "" : q.author(),
                                q.recalled() ? null : excerpt(q.text()),
                                q.recalled()));
            }
        }
        return quotes;
    }

    static @Nullable String excerpt(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.codePointCount(0, flat.length()) <= EXCERPT
                ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, EXCERPT)) + "…";
    }
}
