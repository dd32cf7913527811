package io.liaison.contact.tag;

import io.liaison.contact.Tag;
import io.liaison.contact.TimelineEntry;
import io.liaison.shared.SortOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository {

    // Counting is for administrators only: other members may not learn how many contacts exist.
    private static final String SELECT = """
            SELECT t.id, t.name, t.sort_order, t.group_id, t.version,
                   CASE WHEN ? THEN (SELECT count(*) FROM contact_tag ct
                                       JOIN contact c ON c.org_id = ct.org_id AND c.id = ct.contact_id
                                      WHERE ct.org_id = t.org_id AND ct.tag_id = t.id AND c.trashed_at IS NULL)
                   END AS contact_count
              FROM tag t
             WHERE t.org_id = ?
            """;

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Tag> findAll(UUID orgId, boolean withCounts) {
        return jdbc.sql(SELECT + " ORDER BY t.group_id, t.sort_order, t.name, t.id")
                .params(withCounts, orgId)
                .query(TagRepository::tag)
                .list();
    }

    List<Tag> findInGroup(UUID orgId, UUID groupId) {
        return jdbc.sql(SELECT + " AND t.group_id = ? ORDER BY t.sort_order, t.name, t.id")
                .params(false, orgId, groupId)
                .query(TagRepository::tag)
                .list();
    }

    Optional<Tag> find(UUID orgId, UUID id, boolean withCount) {
        return jdbc.sql(SELECT + " AND t.id = ?")
                .params(withCount, orgId, id)
                .query(TagRepository::tag)
                .optional();
    }

    List<TagInGroup> findWithGroups(UUID orgId, Collection<UUID> ids) {
        return jdbc.sql("""
                        SELECT t.id, t.name, g.id AS group_id, g.name AS group_name, g.exclusive
                          FROM tag t JOIN tag_group g ON g.org_id = t.org_id AND g.id = t.group_id
                         WHERE t.org_id = ? AND t.id = ANY (?)
                        """)
                .params(orgId, ids.toArray(UUID[]::new))
                .query(TagInGroup.class)
                .list();
    }

    boolean nameTaken(UUID orgId, UUID groupId, String name, @Nullable UUID except) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM tag
                         WHERE org_id = ? AND group_id = ? AND lower(name) = lower(?) AND id IS DISTINCT FROM ?)
                        """)
                .params(orgId, groupId, name, except)
                .query(Boolean.class)
                .single();
    }

    /** Counts the organization's tags while holding a lock that serialises tag creation in it. */
    int countLocked(UUID orgId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('tags:' || ?::text, 0))")
                .param(orgId)
                .query()
                .singleRow();
        return jdbc.sql("SELECT count(*) FROM tag WHERE org_id = ?")
                .param(orgId)
                .query(Integer.class)
                .single();
    }

    int nextOrder(UUID orgId, UUID groupId) {
        return jdbc.sql("SELECT " + SortOrder.NEXT + " FROM tag WHERE org_id = ? AND group_id = ?")
                .params(orgId, groupId)
                .query(Integer.class)
                .single();
    }

    /** How many contacts carry the tag and another tag of {@code groupId}, as moving it there would make. */
    int contactsClashingIn(UUID orgId, UUID tagId, UUID groupId) {
        return jdbc.sql("""
                        SELECT count(DISTINCT ct.contact_id)
                          FROM contact_tag ct
                          JOIN contact_tag other ON other.org_id = ct.org_id AND other.contact_id = ct.contact_id
                          JOIN tag o ON o.org_id = other.org_id AND o.id = other.tag_id
                         WHERE ct.org_id = ? AND ct.tag_id = ? AND o.group_id = ? AND o.id <> ct.tag_id
                        """).params(orgId, tagId, groupId).query(Integer.class).single();
    }

    void insert(UUID orgId, UUID id, UUID groupId, String name, int order) {
        jdbc.sql("INSERT INTO tag (id, org_id, group_id, name, sort_order) VALUES (?, ?, ?, ?, ?)")
                .params(id, orgId, groupId, name, order)
                .update();
    }

    boolean update(UUID orgId, UUID id, UUID groupId, String name, int order, long version) {
        return jdbc.sql("""
                        UPDATE tag SET group_id = ?, name = ?, sort_order = ?, version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ?
                        """).params(groupId, name, order, orgId, id, version).update() == 1;
    }

    void renumber(UUID orgId, List<UUID> ids) {
        jdbc.sql("""
                        UPDATE tag t SET sort_order = u.ord - 1, version = t.version + 1
                          FROM unnest(?::uuid[]) WITH ORDINALITY AS u(id, ord)
                         WHERE t.org_id = ? AND t.id = u.id AND t.sort_order <> u.ord - 1
                        """).params(ids.toArray(UUID[]::new), orgId).update();
    }

    /**
     * Writes one {@code tag_deleted} timeline row per contact and tag about to be removed, in one
     * statement. Each id keeps the time-ordered half of {@code baseId} (from {@code Ids.newId()}) and
     * takes a fresh random half per row, so the ids stay UUIDv7 and sort by when they were written.
     */
    int recordDeletion(UUID orgId, @Nullable UUID actorId, List<UUID> tagIds, UUID baseId) {
        return jdbc.sql("""
                        INSERT INTO contact_timeline (id, org_id, contact_id, actor_id, kind, data)
                        SELECT (substr(?::text, 1, 19) || substr(gen_random_uuid()::text, 20))::uuid,
                               ct.org_id, ct.contact_id, ?, ?,
                               jsonb_build_object('tagId', t.id, 'tagName', t.name, 'groupName', g.name, 'names',
                                   coalesce((SELECT jsonb_build_object(m.id::text, m.display_name) FROM member m
                                              WHERE m.org_id = ct.org_id AND m.id = ?), '{}'))
                          FROM contact_tag ct
                          JOIN tag t ON t.org_id = ct.org_id AND t.id = ct.tag_id
                          JOIN tag_group g ON g.org_id = t.org_id AND g.id = t.group_id
                         WHERE ct.org_id = ? AND ct.tag_id = ANY (?)
                        """)
                .params(baseId, actorId, TimelineEntry.TAG_DELETED, actorId, orgId, tagIds.toArray(UUID[]::new))
                .update();
    }

    /** Removes the tags from their contacts, then the tags themselves. */
    void delete(UUID orgId, List<UUID> tagIds) {
        UUID[] ids = tagIds.toArray(UUID[]::new);
        jdbc.sql("DELETE FROM contact_tag WHERE org_id = ? AND tag_id = ANY (?)")
                .params(orgId, ids)
                .update();
        jdbc.sql("DELETE FROM tag WHERE org_id = ? AND id = ANY (?)")
                .params(orgId, ids)
                .update();
    }

    private static Tag tag(ResultSet rs, int row) throws SQLException {
        Number count = (Number) rs.getObject("contact_count");
        return new Tag(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getInt("sort_order"),
                rs.getObject("group_id", UUID.class),
                rs.getLong("version"),
                count == null ? null : count.intValue());
    }
}
