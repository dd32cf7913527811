package io.liaison.contact.tag;

import io.liaison.contact.TagGroup;
import io.liaison.shared.SortOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagGroupRepository {

    private static final String SELECT =
            "SELECT id, name, color, sort_order, exclusive, version FROM tag_group WHERE org_id = ?";

    private final JdbcClient jdbc;

    TagGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The groups without their tags, in the order the organization gave them. */
    List<TagGroup> findAll(UUID orgId) {
        return jdbc.sql(SELECT + " ORDER BY sort_order, name, id")
                .param(orgId)
                .query(TagGroupRepository::group)
                .list();
    }

    Optional<TagGroup> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " AND id = ?")
                .params(orgId, id)
                .query(TagGroupRepository::group)
                .optional();
    }

    boolean nameTaken(UUID orgId, String name, @Nullable UUID except) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM tag_group
                         WHERE org_id = ? AND lower(name) = lower(?) AND id IS DISTINCT FROM ?)
                        """).params(orgId, name, except).query(Boolean.class).single();
    }

    int nextOrder(UUID orgId) {
        return jdbc.sql("SELECT " + SortOrder.NEXT + " FROM tag_group WHERE org_id = ?")
                .param(orgId)
                .query(Integer.class)
                .single();
    }

    /** How many contacts carry two or more tags of the group, which an exclusive group forbids. */
    int contactsWithSeveralTags(UUID orgId, UUID groupId) {
        return jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT ct.contact_id FROM contact_tag ct JOIN tag t ON t.org_id = ct.org_id AND t.id = ct.tag_id
                             WHERE ct.org_id = ? AND t.group_id = ?
                             GROUP BY ct.contact_id HAVING count(*) > 1) AS several
                        """).params(orgId, groupId).query(Integer.class).single();
    }

    void insert(UUID orgId, UUID id, String name, String color, int order, boolean exclusive) {
        jdbc.sql("""
                        INSERT INTO tag_group (id, org_id, name, color, sort_order, exclusive)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """).params(id, orgId, name, color, order, exclusive).update();
    }

    /** Saves the new state when the stored version is still {@code version}; false otherwise. */
    boolean update(UUID orgId, UUID id, String name, String color, int order, boolean exclusive, long version) {
        return jdbc.sql("""
                        UPDATE tag_group SET name = ?, color = ?, sort_order = ?, exclusive = ?, version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ?
                        """)
                        .params(name, color, order, exclusive, orgId, id, version)
                        .update()
                == 1;
    }

    /** Gives the groups {@code ids} the orders 0, 1, 2... in that sequence, touching only those that move. */
    void renumber(UUID orgId, List<UUID> ids) {
        jdbc.sql("""
                        UPDATE tag_group g SET sort_order = u.ord - 1, version = g.version + 1
                          FROM unnest(?::uuid[]) WITH ORDINALITY AS u(id, ord)
                         WHERE g.org_id = ? AND g.id = u.id AND g.sort_order <> u.ord - 1
                        """).params(ids.toArray(UUID[]::new), orgId).update();
    }

    void delete(UUID orgId, UUID id) {
        jdbc.sql("DELETE FROM tag_group WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .update();
    }

    private static TagGroup group(ResultSet rs, int row) throws SQLException {
        return new TagGroup(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("color"),
                rs.getInt("sort_order"),
                rs.getBoolean("exclusive"),
                rs.getLong("version"),
                List.of());
    }
}
