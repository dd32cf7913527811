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

    /**
     * Departments with their active members, directly and with all sub-departments (a member in
     * several departments of a subtree counts once): {@code below} pairs each department of the
     * organization with every department of its subtree, itself included.
     */
    private static final String SELECT = """
            WITH RECURSIVE below (root, id) AS (
                SELECT id, id FROM department WHERE org_id = :org
                UNION ALL
                SELECT b.root, d.id FROM below b JOIN department d ON d.org_id = :org AND d.parent_id = b.id),
            counts AS (
                SELECT b.root, count(DISTINCT md.member_id) FILTER (WHERE md.department_id = b.root) AS direct,
                       count(DISTINCT md.member_id) AS total
                  FROM below b
                  JOIN member_department md ON md.org_id = :org AND md.department_id = b.id
                  JOIN member m ON m.org_id = md.org_id AND m.id = md.member_id AND m.active
                 GROUP BY b.root)
            SELECT d.id, d.parent_id, d.name, d.sort_order,
                   coalesce(c.direct, 0) AS member_count, coalesce(c.total, 0) AS total_member_count,
                   d.version, d.created_at
              FROM department d LEFT JOIN counts c ON c.root = d.id
             WHERE d.org_id = :org
            """;

    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Department> findAll(UUID orgId) {
        return jdbc.sql(SELECT + " ORDER BY d.sort_order, d.name, d.id")
                .param("org", orgId)
                .query(Department.class)
                .list();
    }

    Optional<Department> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " AND d.id = :id")
                .param("org", orgId)
                .param("id", id)
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
