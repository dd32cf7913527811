package io.liaison.chat.conversation;

import io.liaison.chat.ChatUser;
import io.liaison.chat.conversation.ConversationRow.GroupSettings;
import io.liaison.shared.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversations as one member or guest sees them: every read joins their own participation, so a
 * conversation they are not in (or left) is not found. Every query is bound to one organization.
 */
@Repository
class ConversationRepository {

    private static final String COLUMNS = """
            c.id, c.kind, c.name, c.owner_id, c.announcement, c.announcement_by, c.announcement_at,
            c.guests_see_participants, c.guests_download, c.guests_mention_all, c.guests_invite,
            c.admins_only_post, c.last_seq, c.last_message_at, c.created_at, c.dissolved_at, c.version,
            p.role, p.muted, p.read_seq
            """;
    private static final String MINE = """
             FROM conversation c
             JOIN conversation_participant p ON p.org_id = c.org_id AND p.conversation_id = c.id
                  AND p.%s = ? AND p.left_at IS NULL
            WHERE c.org_id = ?
            """;

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConversationRow> find(ChatUser user, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + participation(user) + " AND c.id = ?")
                .params(user.id(), user.orgId(), id)
                .query(ConversationRepository::row)
                .optional();
    }

    /** The same, locked until the transaction ends, for a change that reads before it writes. */
    Optional<ConversationRow> lock(ChatUser user, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + participation(user) + " AND c.id = ? FOR UPDATE OF c")
                .params(user.id(), user.orgId(), id)
                .query(ConversationRepository::row)
                .optional();
    }

    /**
     * The member's conversations, latest activity first, after the one at {@code (afterAt, afterId)};
     * {@code limit} rows at most.
     */
    List<ConversationRow> mine(ChatUser user, @Nullable Instant afterAt, @Nullable UUID afterId, int limit) {
        String after = afterAt == null ? "" : " AND (coalesce(c.last_message_at, c.created_at), c.id) < (?, ?)";
        List<Object> params = new ArrayList<>(List.of(user.id(), user.orgId()));
        if (afterAt != null) {
            params.add(Timestamp.from(afterAt));
            params.add(afterId);
        }
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + participation(user) + after
                        + " ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.id DESC LIMIT ?")
                .params(params)
                .query(ConversationRepository::row)
                .list();
    }

    /** The join to the user's own participation: a guest's row carries their guest id, a member's their member id. */
    private static String participation(ChatUser user) {
        return MINE.formatted(user.column());
    }

    void insert(UUID orgId, UUID id, String kind, @Nullable String name, UUID ownerId, @Nullable String directKey) {
        jdbc.sql("""
                        INSERT INTO conversation (org_id, id, kind, name, owner_id, direct_key, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """).params(orgId, id, kind, name, ownerId, directKey, ownerId).update();
    }

    Optional<UUID> direct(UUID orgId, String directKey) {
        return jdbc.sql("SELECT id FROM conversation WHERE org_id = ? AND direct_key = ?")
                .params(orgId, directKey)
                .query(UUID.class)
                .optional();
    }

    /** Writes name, announcement and settings when the row is still at {@code version}. */
    boolean update(UUID orgId, ConversationRow changed, long version) {
        GroupSettings s = changed.settings();
        return jdbc.sql("""
                        UPDATE conversation SET name = ?, announcement = ?, announcement_by = ?, announcement_at = ?,
                               guests_see_participants = ?, guests_download = ?, guests_mention_all = ?,
                               guests_invite = ?, admins_only_post = ?, updated_at = now(), version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ? AND dissolved_at IS NULL
                        """)
                        .params(
                                changed.name(),
                                changed.announcement(),
                                changed.announcementBy(),
                                changed.announcementAt() == null ? null : Timestamp.from(changed.announcementAt()),
                                s.guestsSeeParticipants(),
                                s.guestsDownload(),
                                s.guestsMentionAll(),
                                s.guestsInvite(),
                                s.adminsOnlyPost(),
                                orgId,
                                changed.id(),
                                version)
                        .update()
                == 1;
    }

    /** Raises the version after a change of participants or owner, so that an ETag held before is stale. */
    void touch(UUID orgId, UUID id) {
        jdbc.sql("UPDATE conversation SET updated_at = now(), version = version + 1 WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .update();
    }

    void setOwner(UUID orgId, UUID id, UUID ownerId) {
        jdbc.sql("UPDATE conversation SET owner_id = ? WHERE org_id = ? AND id = ?")
                .params(ownerId, orgId, id)
                .update();
    }

    /** Whether the conversation is an external group that is not dissolved, where guests may come in. */
    boolean openExternal(UUID orgId, UUID id) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM conversation
                                        WHERE org_id = ? AND id = ? AND kind = 'external' AND dissolved_at IS NULL)
                        """).params(orgId, id).query(Boolean.class).single();
    }

    /** Links a contact to the group, if it is not already. */
    void linkContact(UUID orgId, UUID id, UUID contactId) {
        jdbc.sql("""
                        INSERT INTO conversation_contact (org_id, conversation_id, contact_id) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING
                        """).params(orgId, id, contactId).update();
    }

    boolean dissolve(UUID orgId, UUID id, long version) {
        return jdbc.sql("""
                        UPDATE conversation SET dissolved_at = now(), updated_at = now(), version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ? AND dissolved_at IS NULL
                        """).params(orgId, id, version).update() == 1;
    }

    List<UUID> contactIds(UUID orgId, UUID id) {
        return jdbc.sql("SELECT contact_id FROM conversation_contact WHERE org_id = ? AND conversation_id = ?"
                        + " ORDER BY contact_id")
                .params(orgId, id)
                .query(UUID.class)
                .list();
    }

    List<UUID> tagIds(UUID orgId, UUID id) {
        return jdbc.sql("SELECT tag_id FROM conversation_tag WHERE org_id = ? AND conversation_id = ? ORDER BY tag_id")
                .params(orgId, id)
                .query(UUID.class)
                .list();
    }

    /** The linked ids of each of these conversations, from {@code table} ({@code contact} or {@code tag}). */
    Map<UUID, List<UUID>> links(UUID orgId, Collection<UUID> ids, String table) {
        Map<UUID, List<UUID>> links = new HashMap<>();
        jdbc.sql("SELECT conversation_id, " + table + "_id FROM conversation_" + table
                        + " WHERE org_id = ? AND conversation_id = ANY (?) ORDER BY " + table + "_id")
                .params(orgId, ids.toArray(UUID[]::new))
                .query((rs, n) -> links.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return links;
    }

    void replaceContacts(UUID orgId, UUID id, Collection<UUID> contactIds) {
        jdbc.sql("DELETE FROM conversation_contact WHERE org_id = ? AND conversation_id = ?")
                .params(orgId, id)
                .update();
        jdbc.sql("INSERT INTO conversation_contact (org_id, conversation_id, contact_id) SELECT ?, ?, unnest(?)")
                .params(orgId, id, contactIds.toArray(UUID[]::new))
                .update();
    }

    void replaceTags(UUID orgId, UUID id, Collection<UUID> tagIds) {
        jdbc.sql("DELETE FROM conversation_tag WHERE org_id = ? AND conversation_id = ?")
                .params(orgId, id)
                .update();
        jdbc.sql("INSERT INTO conversation_tag (org_id, conversation_id, tag_id) SELECT ?, ?, unnest(?)")
                .params(orgId, id, tagIds.toArray(UUID[]::new))
                .update();
    }

    /** The contacts among {@code ids} that pass {@code visible} (a predicate over alias {@code c}), not trashed. */
    List<UUID> visibleContacts(Collection<UUID> ids, SqlFragment visible) {
        SqlFragment query = SqlFragment.of("c.id = ANY (?) AND c.trashed_at IS NULL", (Object) ids.toArray(UUID[]::new))
                .and(visible);
        return jdbc.sql("SELECT c.id FROM contact c WHERE " + query.sql())
                .params(query.params())
                .query(UUID.class)
                .list();
    }

    List<UUID> tags(UUID orgId, Collection<UUID> ids) {
        return jdbc.sql("SELECT id FROM tag WHERE org_id = ? AND id = ANY (?)")
                .params(orgId, ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    private static ConversationRow row(ResultSet rs, int n) throws SQLException {
        return new ConversationRow(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getObject("owner_id", UUID.class),
                rs.getString("announcement"),
                rs.getObject("announcement_by", UUID.class),
                instant(rs, "announcement_at"),
                new GroupSettings(
                        rs.getBoolean("guests_see_participants"),
                        rs.getBoolean("guests_download"),
                        rs.getBoolean("guests_mention_all"),
                        rs.getBoolean("guests_invite"),
                        rs.getBoolean("admins_only_post")),
                rs.getLong("last_seq"),
                instant(rs, "last_message_at"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "dissolved_at"),
                rs.getLong("version"),
                rs.getString("role"),
                rs.getBoolean("muted"),
                rs.getLong("read_seq"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
