package io.liaison.chat.history;

import io.liaison.chat.MessagePosted;
import io.liaison.contact.ContactActivity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each conversation's activity per day (the organization's day) as messages are posted, for the
 * timelines of its contacts; a message a guest posts is also counted for the guest's contact and moves
 * that contact's last-contacted time, and so does a member's message to the guests of the
 * conversation. Runs after the message's commit, from the outbox.
 */
@Component
class ChatActivity {

    static final String GUEST = "guest";

    private final JdbcClient jdbc;
    private final ContactActivity contacts;

    ChatActivity(JdbcClient jdbc, ContactActivity contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    @ApplicationModuleListener
    void on(MessagePosted event) {
        jdbc.sql("""
                        INSERT INTO chat_day (org_id, conversation_id, day, first_seq, last_seq, last_at)
                        SELECT m.org_id, m.conversation_id, (m.created_at AT TIME ZONE o.time_zone)::date,
                               m.seq, m.seq, m.created_at
                          FROM chat_message m JOIN organization o ON o.id = m.org_id
                         WHERE m.org_id = ? AND m.id = ?
                        ON CONFLICT (org_id, conversation_id, day) DO UPDATE
                           SET first_seq = least(chat_day.first_seq, excluded.first_seq),
                               last_seq = greatest(chat_day.last_seq, excluded.last_seq),
                               last_at = greatest(chat_day.last_at, excluded.last_at)
                        """).params(event.orgId(), event.messageId()).update();
        if (!event.authorKind().equals(GUEST)) {
            toGuests(event);
            return;
        }
        record Contacted(UUID contactId, OffsetDateTime at) {}
        jdbc.sql("""
                        INSERT INTO chat_day_contact (org_id, contact_id, conversation_id, day, messages)
                        SELECT m.org_id, c.id, m.conversation_id, (m.created_at AT TIME ZONE o.time_zone)::date, 1
                          FROM chat_message m
                          JOIN organization o ON o.id = m.org_id
                          JOIN guest g ON g.org_id = m.org_id AND g.id = m.author_id
                          JOIN contact c ON c.org_id = g.org_id AND c.id = g.contact_id
                         WHERE m.org_id = ? AND m.id = ? AND m.author_kind = 'guest'
                        ON CONFLICT (org_id, contact_id, conversation_id, day) DO UPDATE
                           SET messages = chat_day_contact.messages + 1
                        RETURNING contact_id,
                                  (SELECT created_at FROM chat_message WHERE org_id = ? AND id = ?) AS at
                        """)
                .params(event.orgId(), event.messageId(), event.orgId(), event.messageId())
                .query(Contacted.class)
                .optional()
                .ifPresent(c -> contacts.contacted(event.orgId(), c.contactId(), c.at()));
    }

    /**
     * A member's message reaches the guests in the conversation: each guest's contact was in touch then,
     * as when the guest writes (a message to the contact, not only from it).
     */
    private void toGuests(MessagePosted event) {
        record Reached(UUID contactId, OffsetDateTime at) {}
        List<Reached> reached = jdbc.sql("""
                        SELECT DISTINCT g.contact_id, m.created_at AS at
                          FROM chat_message m
                          JOIN conversation_participant p ON p.org_id = m.org_id AND p.conversation_id = m.conversation_id
                          JOIN guest g ON g.org_id = p.org_id AND g.id = p.guest_id
                         WHERE m.org_id = ? AND m.id = ? AND m.author_kind = 'member'
                           AND p.guest_id IS NOT NULL AND p.left_at IS NULL AND g.disabled_at IS NULL
                         LIMIT ?
                        """)
                .params(event.orgId(), event.messageId(), ContactActivity.MAX_AT_ONCE)
                .query(Reached.class)
                .list();
        if (!reached.isEmpty()) {
            contacts.contacted(
                    event.orgId(),
                    reached.stream().map(Reached::contactId).toList(),
                    reached.get(0).at());
        }
    }
}
