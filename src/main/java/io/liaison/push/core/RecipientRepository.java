package io.liaison.push.core;

import io.liaison.push.PushRecipientEnded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A push's recipients as its sender moves them: queued, handed to a channel, ended. */
@Repository
class RecipientRepository {

    private final JdbcClient jdbc;

    RecipientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A recipient the sender takes: a contact (with its address), a customer group or a robot. */
    record Due(
            UUID id,
            String kind,
            @Nullable UUID contactId,
            @Nullable UUID conversationId,
            @Nullable UUID channelId,
            @Nullable String address) {}

    /** The push's groups and robots, queued, each once. */
    void insertTargets(UUID orgId, UUID pushId, List<UUID> conversationIds, List<UUID> channelIds) {
        jdbc.sql("""
                        INSERT INTO push_recipient (org_id, push_id, id, kind, conversation_id, state)
                        SELECT ?, ?, (substr(?::text, 1, 19) || substr(gen_random_uuid()::text, 20))::uuid,
                               'conversation', c, 'queued'
                          FROM (SELECT DISTINCT unnest(?::uuid[]) AS c) t
                        """)
                .params(orgId, pushId, pushId.toString(), conversationIds.toArray(UUID[]::new))
                .update();
        jdbc.sql("""
                        INSERT INTO push_recipient (org_id, push_id, id, kind, channel_id, state)
                        SELECT ?, ?, (substr(?::text, 1, 19) || substr(gen_random_uuid()::text, 20))::uuid,
                               'channel', c, 'queued'
                          FROM (SELECT DISTINCT unnest(?::uuid[]) AS c) t
                        """)
                .params(orgId, pushId, pushId.toString(), channelIds.toArray(UUID[]::new))
                .update();
    }

    int count(UUID orgId, UUID pushId) {
        return jdbc.sql("SELECT count(*) FROM push_recipient WHERE org_id = ? AND push_id = ?")
                .params(orgId, pushId)
                .query(Integer.class)
                .single();
    }

    /**
     * The next queued e-mails and robots, locked for this transaction, so that a second sender of the
     * same push skips them.
     */
    List<Due> dueMessages(UUID orgId, UUID pushId, int limit) {
        return due(orgId, pushId, "kind IN ('contact', 'channel')", limit);
    }

    /** The next queued customer group, locked for this transaction. */
    List<Due> dueConversations(UUID orgId, UUID pushId) {
        return due(orgId, pushId, "kind = 'conversation'", 1);
    }

    private List<Due> due(UUID orgId, UUID pushId, String kinds, int limit) {
        return jdbc.sql("""
                        SELECT id, kind, contact_id, conversation_id, channel_id, address FROM push_recipient
                         WHERE org_id = ? AND push_id = ? AND state = 'queued' AND %s
                         ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
                        """.formatted(kinds))
                .params(orgId, pushId, limit)
                .query(Due.class)
                .list();
    }

    /**
     * Handed to the delivery queue: its first delivery's id follows it to the end. Only a queued
     * recipient moves; one its delivery already ended keeps that end.
     */
    void sending(UUID orgId, UUID pushId, UUID id, UUID deliveryId) {
        jdbc.sql("""
                        UPDATE push_recipient SET state = 'sending', delivery_id = ?
                         WHERE org_id = ? AND push_id = ? AND id = ? AND state = 'queued'
                        """).params(deliveryId, orgId, pushId, id).update();
    }

    /** Ends the recipient; answers its end, empty when it is not the push's. */
    Optional<PushRecipientEnded> end(UUID orgId, UUID pushId, UUID id, String state, @Nullable String reason) {
        return ended("r.push_id = ? AND r.id = ?", List.of(pushId, id), orgId, state, reason);
    }

    /** The next recipients after {@code after} (null: the first) handed to the delivery queue and not yet ended. */
    List<UUID> sendingIds(UUID orgId, UUID pushId, @Nullable UUID after, int limit) {
        return jdbc.sql("""
                        SELECT id FROM push_recipient
                         WHERE org_id = ? AND push_id = ? AND state = 'sending' AND (?::uuid IS NULL OR id > ?)
                         ORDER BY id LIMIT ?
                        """)
                .params(orgId, pushId, after, after, limit)
                .query(UUID.class)
                .list();
    }

    /** Skips these recipients, still sending, with the reason; answers how many. */
    int skip(UUID orgId, UUID pushId, List<UUID> ids, String reason) {
        return jdbc.sql("""
                        UPDATE push_recipient SET state = 'skipped', reason = ?, ended_at = now()
                         WHERE org_id = ? AND push_id = ? AND id = ANY(?) AND state = 'sending'
                        """)
                .params(reason, orgId, pushId, ids.toArray(UUID[]::new))
                .update();
    }

    /** Skips what is still queued, with the reason; answers how many. */
    int skipQueued(UUID orgId, UUID pushId, String reason) {
        return jdbc.sql("""
                        UPDATE push_recipient SET state = 'skipped', reason = ?, ended_at = now()
                         WHERE org_id = ? AND push_id = ? AND state = 'queued'
                        """).params(reason, orgId, pushId).update();
    }

    /**
     * A delivery of a recipient ended: its state follows, unless an earlier part already failed (a
     * message split in parts is sent only when every part is); answers the end, empty when nothing moved.
     */
    Optional<PushRecipientEnded> delivered(UUID orgId, UUID recipientId, String state, @Nullable String reason) {
        return ended("r.id = ? AND r.state IN ('sending', 'sent')", List.of(recipientId), orgId, state, reason);
    }

    private Optional<PushRecipientEnded> ended(
            String where, List<Object> whereParams, UUID orgId, String state, @Nullable String reason) {
        List<Object> params = new ArrayList<>(Arrays.asList(state, reason, orgId));
        params.addAll(whereParams);
        return jdbc.sql("""
                        UPDATE push_recipient r SET state = ?, reason = ?, ended_at = now()
                          FROM push p
                         WHERE r.org_id = ? AND %s AND p.org_id = r.org_id AND p.id = r.push_id
                        RETURNING r.org_id, r.push_id, p.created_by, r.id, r.kind, r.contact_id, r.conversation_id,
                                  r.channel_id, r.state, r.reason, r.ended_at
                        """.formatted(where))
                .params(params)
                .query((rs, n) -> new PushRecipientEnded(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getObject(7, UUID.class),
                        rs.getObject(8, UUID.class),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant()))
                .optional();
    }

    /** A purged contact's addresses leave its recipient rows. */
    void forget(UUID orgId, UUID contactId) {
        jdbc.sql("UPDATE push_recipient SET address = NULL WHERE org_id = ? AND contact_id = ? AND address IS NOT NULL")
                .params(orgId, contactId)
                .update();
    }
}
