package io.liaison.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages posted at a given time, by a member or a guest, as the message service posts them: the
 * conversation's next number and {@link MessagePosted} in one transaction. Guests post through the
 * guests part's API; the history's tests need a guest's messages and the day they fall on.
 */
record PostedMessages(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher events) {

    UUID post(UUID orgId, UUID conversationId, String authorKind, UUID authorId, String text, Instant at) {
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            long seq = jdbc.sql(
                            "UPDATE conversation SET last_seq = last_seq + 1 WHERE org_id = ? AND id = ? RETURNING last_seq")
                    .params(orgId, conversationId)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            INSERT INTO chat_message (org_id, conversation_id, id, seq, author_id, author_kind, text, html, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            orgId,
                            conversationId,
                            id,
                            seq,
                            authorId,
                            authorKind,
                            text,
                            "<p>" + text + "</p>",
                            Timestamp.from(at))
                    .update();
            events.publishEvent(
                    new MessagePosted(orgId, conversationId, id, seq, authorId, authorKind, List.of(), false));
        });
        return id;
    }
}
