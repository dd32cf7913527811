package io.liaison.notify;

import io.liaison.shared.bus.Signals;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification rows; every statement is bound to one member of one organization. */
@Repository
class NotificationRepository {

    /** How many notifications a member keeps: raising one deletes the oldest past this. */
    static final int KEEP = 1000;

    /** The signal topic that carries "org:member" whenever a member's unread count changes. */
    static final String CHANNEL = "liaison_notifications";

    record Row(
            UUID id,
            String kind,
            String title,
            String body,
            @Nullable String link,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime readAt) {}

    private final JdbcClient jdbc;
    private final Signals signals;

    NotificationRepository(JdbcClient jdbc, Signals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
    }

    /** A notification row to insert. */
    record NewRow(
            UUID orgId,
            UUID id,
            UUID memberId,
            String kind,
            String title,
            String body,
            @Nullable String link) {}

    /**
     * Inserts the rows in one statement, then deletes, in one more, each of their members' oldest
     * notifications past {@link #KEEP}.
     */
    void insert(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO notification (org_id, id, member_id, kind, title, body, link)
                        SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                        """)
                .params(
                        rows.stream().map(NewRow::orgId).toArray(UUID[]::new),
                        rows.stream().map(NewRow::id).toArray(UUID[]::new),
                        rows.stream().map(NewRow::memberId).toArray(UUID[]::new),
                        rows.stream().map(NewRow::kind).toArray(String[]::new),
                        rows.stream().map(NewRow::title).toArray(String[]::new),
                        rows.stream().map(NewRow::body).toArray(String[]::new),
                        rows.stream().map(NewRow::link).toArray(String[]::new))
                .update();
        List<NewRow> members = rows.stream()
                .collect(Collectors.toMap(
                        r -> List.of(r.orgId(), r.memberId()), r -> r, (a, b) -> a, LinkedHashMap::new))
                .values()
                .stream()
                .toList();
        jdbc.sql("""
                        DELETE FROM notification n
                        USING unnest(?::uuid[], ?::uuid[]) AS m (org_id, member_id)
                        WHERE n.org_id = m.org_id AND n.member_id = m.member_id
                          AND n.id < (SELECT k.id FROM notification k
                                      WHERE k.org_id = m.org_id AND k.member_id = m.member_id
                                      ORDER BY k.id DESC OFFSET ? LIMIT 1)
                        """)
                .params(
                        members.stream().map(NewRow::orgId).toArray(UUID[]::new),
                        members.stream().map(NewRow::memberId).toArray(UUID[]::new),
                        KEEP - 1)
                .update();
    }

    /** Newest first, after {@code before} (a keyset cursor), at most {@code limit}. */
    List<Row> page(UUID orgId, UUID memberId, boolean unreadOnly, @Nullable UUID before, int limit) {
        return jdbc.sql("""
                        SELECT id, kind, title, body, link, created_at, read_at FROM notification
                        WHERE org_id = :org AND member_id = :member
                          AND (NOT :unread OR read_at IS NULL)
                          AND (CAST(:before AS uuid) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :limit
                        """)
                .param("org", orgId)
                .param("member", memberId)
                .param("unread", unreadOnly)
                .param("before", before)
                .param("limit", limit)
                .query(Row.class)
                .list();
    }

    int unread(UUID orgId, UUID memberId) {
        return jdbc.sql("""
                        SELECT count(*) FROM notification
                        WHERE org_id = :org AND member_id = :member AND read_at IS NULL
                        """)
                .param("org", orgId)
                .param("member", memberId)
                .query(Integer.class)
                .single();
    }

    /** Whether the member has this notification (read or not). */
    boolean markRead(UUID orgId, UUID memberId, UUID id) {
        return jdbc.sql("""
                                UPDATE notification SET read_at = coalesce(read_at, now())
                                WHERE org_id = :org AND member_id = :member AND id = :id
                                """)
                        .param("org", orgId)
                        .param("member", memberId)
                        .param("id", id)
                        .update()
                > 0;
    }

    int markAllRead(UUID orgId, UUID memberId) {
        return jdbc.sql("""
                        UPDATE notification SET read_at = now()
                        WHERE org_id = :org AND member_id = :member AND read_at IS NULL
                        """).param("org", orgId).param("member", memberId).update();
    }

    /** Marks read every unread notification of a kind and link, of any member; answers those members. */
    List<UUID> settle(UUID orgId, String kind, String link) {
        return jdbc.sql("""
                        UPDATE notification SET read_at = now()
                        WHERE org_id = :org AND kind = :kind AND link = :link AND read_at IS NULL
                        RETURNING member_id
                        """)
                .param("org", orgId)
                .param("kind", kind)
                .param("link", link)
                .query(UUID.class)
                .list();
    }

    /** Tells every node (this one too) that a member's unread count changed, when the transaction commits. */
    void signal(UUID orgId, UUID memberId) {
        signals.send(CHANNEL, orgId + ":" + memberId);
    }
}
