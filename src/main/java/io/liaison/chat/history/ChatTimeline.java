package io.liaison.chat.history;

import io.liaison.contact.TimelineEntry;
import io.liaison.contact.TimelineSource;
import io.liaison.identity.Actor;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact's group chats on their timeline: one entry per conversation and day with messages, in the
 * groups linked to the contact, and on the days the contact's guest posted in any other group. Only
 * the viewer's own conversations show, as only participants see a conversation.
 */
@Component
class ChatTimeline implements TimelineSource {

    /**
     * Entries of the cursor's own millisecond may sort above it and are dropped after the query: read
     * this many more so that a page stays full.
     */
    private static final int SAME_MILLISECOND = 8;

    private final JdbcClient jdbc;

    ChatTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Day(
            UUID conversationId,
            String name,
            LocalDate day,
            long messages,
            long fromContact,
            OffsetDateTime lastAt,
            String contactName) {}

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entries(Actor viewer, UUID contactId, @Nullable UUID before, int limit) {
        Timestamp until = before == null ? null : Timestamp.from(Instant.ofEpochMilli(millis(before) + 1));
        List<Day> days = jdbc.sql("""
                        WITH groups AS (
                            SELECT conversation_id, true AS linked FROM conversation_contact
                             WHERE org_id = :org AND contact_id = :contact
                            UNION
                            SELECT DISTINCT conversation_id, false FROM chat_day_contact
                             WHERE org_id = :org AND contact_id = :contact)
                        SELECT d.conversation_id, c.name, d.day, d.last_seq - d.first_seq + 1 AS messages,
                               coalesce(g.messages, 0) AS from_contact, d.last_at, ct.name AS contact_name
                          FROM (SELECT conversation_id, bool_or(linked) AS linked FROM groups GROUP BY conversation_id) l
                          JOIN conversation_participant p ON p.org_id = :org AND p.conversation_id = l.conversation_id
                               AND p.member_id = :viewer AND p.left_at IS NULL
                          JOIN conversation c ON c.org_id = :org AND c.id = l.conversation_id
                          JOIN contact ct ON ct.org_id = :org AND ct.id = :contact
                          JOIN chat_day d ON d.org_id = :org AND d.conversation_id = l.conversation_id
                          LEFT JOIN chat_day_contact g ON g.org_id = :org AND g.contact_id = :contact
                               AND g.conversation_id = d.conversation_id AND g.day = d.day
                         WHERE (l.linked OR g.messages IS NOT NULL)
                           AND (CAST(:until AS timestamptz) IS NULL OR d.last_at < :until)
                         ORDER BY d.last_at DESC LIMIT :limit
                        """)
                .param("org", viewer.orgId())
                .param("contact", contactId)
                .param("viewer", viewer.memberId())
                .param("until", until)
                .param("limit", limit + SAME_MILLISECOND)
                .query(Day.class)
                .list();
        return days.stream()
                .map(d -> entry(contactId, d))
                .filter(e -> before == null || e.id().compareTo(before) < 0)
                .limit(limit)
                .toList();
    }

    private static TimelineEntry entry(UUID contactId, Day d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", d.conversationId().toString());
        data.put("day", d.day().toString());
        data.put("messages", d.messages());
        data.put("fromContact", d.fromContact());
        data.put("contactId", contactId.toString());
        Map<String, String> names = new LinkedHashMap<>();
        names.put(d.conversationId().toString(), d.name() == null ? "" : d.name());
        names.put(contactId.toString(), d.contactName());
        return new TimelineEntry(id(d), d.lastAt(), null, null, TimelineEntry.CHAT, data, names);
    }

    /**
     * A UUIDv7 whose time is the day's last message, as the timeline's own ids carry their time, and
     * whose other bits come from the conversation and the day, so that the entry keeps its id.
     */
    private static UUID id(Day d) {
        UUID bits = UUID.nameUUIDFromBytes((d.conversationId() + "/" + d.day()).getBytes(StandardCharsets.UTF_8));
        long msb = (d.lastAt().toInstant().toEpochMilli() << 16) | 0x7000L | (bits.getMostSignificantBits() & 0x0FFFL);
        long lsb = (bits.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static long millis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
