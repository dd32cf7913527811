package io.liaison.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DepartmentRepository {

    private static final String SELECT = """
            SELECT d.id, d.parent_id, d.name, d.sort_order,
                   (SELECT count(*) FROM member_department md JOIN member m ON m.id = md.member_id
                     WHERE md.org_id = d.org_id AND md.department_id = d.id AND m.active) AS member_count,
                   d.version, d.created_at
              FROM department d
            """;

    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Department> findAll(UUID orgId) {
        return jdbc.sql(SELECT + " WHERE d.org_id = ? ORDER BY d.sort_order, d.name, d.id")
                .param(orgId)
                .query(Department.class)
                .list();
    }

    Optional<Department> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE d.org_id = ? AND d.id = ?")
                .params(orgId, id)
                .query(Department.class)
                .optional();
    }

    /** The ids among {@code ids} that are departments of the organization. */
    List<UUID> existing(UUID orgId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM department WHERE org_id = ? AND id = ANY (?)")
                .params(orgId, ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    boolean nameTaken(UUID orgId, @Nullable UUID parentId, String name, @Nullable UUID except) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM department
                         WHERE org_id = ? AND parent_id IS NOT DISTINCT FROM ? AND lower(name) = lower(?)
                           AND id IS DISTINCT FROM ?)
                        """)
                .params(orgId, parentId, name, except)
                .query(Boolean.class)
                .single();
    }

    /** Whether {@code candidate} is {@code id} itself or lies below it. */
    boolean isSelfOrDescendant(UUID orgId, UUID id, UUID candidate) {
        return jdbc.sql("""
                        WITH RECURSIVE below AS (
                            SELECT id FROM department WHERE org_id = ? AND id = ?
                            UNION ALL
                            SELECT d.id FROM department d JOIN below b ON d.parent_id = b.id WHERE d.org_id = ?)
                        SELECT EXISTS (SELECT 1 FROM below WHERE id = ?)
                        """)
                .params(orgId, id, orgId, candidate)
                .query(Boolean.class)
                .single();
    }

    int childCount(UUID orgId, UUID id) {
        return jdbc.sql("SELECT count(*) FROM department WHERE org_id = ? AND parent_id = ?")
                .params(orgId, id)
                .query(Integer.class)
                .single();
    }

    int memberCount(UUID orgId, UUID id) {
        return jdbc.sql("SELECT count(*) FROM member_department WHERE org_id = ? AND department_id = ?")
                .params(orgId, id)
                .query(Integer.class)
                .single();
    }

    int scopeRoleCount(UUID orgId, UUID id) {
        return jdbc.sql("SELECT count(*) FROM role_scope_department WHERE org_id = ? AND department_id = ?")
                .params(orgId, id)
                .query(Integer.class)
                .single();
    }

    void insert(UUID orgId, UUID id, @Nullable UUID parentId, String name, int sortOrder) {
        jdbc.sql("INSERT INTO department (id, org_id, parent_id, name, sort_order) VALUES (?, ?, ?, ?, ?)")
                .params(id, orgId, parentId, name, sortOrder)
                .update();
    }

    /** Saves the new state when the stored version is still {@code version}; false otherwise. */
    boolean update(UUID orgId, UUID id, @Nullable UUID parentId, String name, int sortOrder, long version) {
        return jdbc.sql("""
                        UPDATE department SET parent_id = ?, name = ?, sort_order = ?, version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ?
                        """)
                        .params(parentId, name, sortOrder, orgId, id, version)
                        .update()
                == 1;
    }

    void delete(UUID orgId, UUID id) {
        jdbc.sql("DELETE FROM department WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .update();
    }
}
