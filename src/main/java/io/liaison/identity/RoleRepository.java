package io.liaison.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoleRepository {

    private static final String SELECT = """
            SELECT r.id, r.builtin, r.name, r.permissions, r.data_scope, r.version, r.created_at, r.updated_at,
                   ARRAY(SELECT d.department_id FROM role_scope_department d
                          WHERE d.org_id = r.org_id AND d.role_id = r.id ORDER BY d.department_id) AS dept_ids,
                   (SELECT count(*) FROM member m WHERE m.org_id = r.org_id AND m.role_id = r.id AND m.active)
                       AS member_count
              FROM role r
            """;

    private final JdbcClient jdbc;
    private final Permissions permissions;

    RoleRepository(JdbcClient jdbc, Permissions permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    /** Built-in roles first (administrator, manager, member), then custom ones by name. */
    List<Role> findAll(UUID orgId) {
        return jdbc.sql(SELECT + " WHERE r.org_id = ? ORDER BY r.builtin IS NULL,"
                        + " array_position(ARRAY['ADMIN', 'MANAGER', 'MEMBER'], r.builtin), lower(r.name)")
                .param(orgId)
                .query(this::role)
                .list();
    }

    Optional<Role> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE r.org_id = ? AND r.id = ?")
                .params(orgId, id)
                .query(this::role)
                .optional();
    }

    /** A role by what members name it: a built-in name, a role id or a custom role's name. */
    Optional<Role> findByKey(UUID orgId, String key) {
        String clean = key.trim();
        UUID id = uuid(clean);
        return jdbc.sql(SELECT
                        + " WHERE r.org_id = ? AND (r.builtin = upper(?) OR r.id = ? OR lower(r.name) = lower(?))"
                        + " ORDER BY r.builtin IS NULL LIMIT 1")
                .params(orgId, clean, id, clean)
                .query(this::role)
                .optional();
    }

    UUID builtinId(UUID orgId, BuiltinRole role) {
        return jdbc.sql("SELECT id FROM role WHERE org_id = ? AND builtin = ?")
                .params(orgId, role.name())
                .query(UUID.class)
                .single();
    }

    boolean nameTaken(UUID orgId, String name, @Nullable UUID except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM role WHERE org_id = ? AND lower(name) = lower(?)"
                        + " AND id IS DISTINCT FROM ?)")
                .params(orgId, name, except)
                .query(Boolean.class)
                .single();
    }

    void insertBuiltins(UUID orgId, java.util.function.Supplier<UUID> ids) {
        for (BuiltinRole role : BuiltinRole.values()) {
            jdbc.sql("INSERT INTO role (id, org_id, builtin, name, data_scope) VALUES (?, ?, ?, ?, ?)")
                    .params(
                            ids.get(),
                            orgId,
                            role.name(),
                            role.name(),
                            role.dataScope().name())
                    .update();
        }
    }

    void insert(UUID orgId, UUID id, String name, Set<Permission> permissions, DataScope scope, List<UUID> depts) {
        jdbc.sql("INSERT INTO role (id, org_id, name, permissions, data_scope) VALUES (?, ?, ?, ?, ?)")
                .params(id, orgId, name, codes(permissions), scope.name())
                .update();
        replaceDepartments(orgId, id, depts);
    }

    boolean update(
            UUID orgId,
            UUID id,
            String name,
            Set<Permission> permissions,
            DataScope scope,
            List<UUID> depts,
            long version) {
        int rows = jdbc.sql("""
                        UPDATE role SET name = ?, permissions = ?, data_scope = ?, version = version + 1,
                               updated_at = now()
                         WHERE org_id = ? AND id = ? AND version = ? AND builtin IS NULL
                        """)
                .params(name, codes(permissions), scope.name(), orgId, id, version)
                .update();
        if (rows == 1) {
            replaceDepartments(orgId, id, depts);
        }
        return rows == 1;
    }

    /** Members of any state who hold the role; a deactivated member keeps theirs for reactivation. */
    int holders(UUID orgId, UUID id) {
        return jdbc.sql("SELECT count(*) FROM member WHERE org_id = ? AND role_id = ?")
                .params(orgId, id)
                .query(Integer.class)
                .single();
    }

    void delete(UUID orgId, UUID id) {
        jdbc.sql("DELETE FROM role WHERE org_id = ? AND id = ? AND builtin IS NULL")
                .params(orgId, id)
                .update();
    }

    private void replaceDepartments(UUID orgId, UUID id, List<UUID> depts) {
        jdbc.sql("DELETE FROM role_scope_department WHERE org_id = ? AND role_id = ?")
                .params(orgId, id)
                .update();
        jdbc.sql("""
                        INSERT INTO role_scope_department (org_id, role_id, department_id)
                        SELECT ?, ?, d FROM unnest(?::uuid[]) d
                        """).params(orgId, id, depts.toArray(UUID[]::new)).update();
    }

    private static String[] codes(Set<Permission> permissions) {
        return permissions.stream().map(Permission::code).sorted().toArray(String[]::new);
    }

    private Role role(ResultSet rs, int row) throws SQLException {
        String builtinName = rs.getString("builtin");
        BuiltinRole builtin = builtinName == null ? null : BuiltinRole.valueOf(builtinName);
        return new Role(
                rs.getObject("id", UUID.class),
                builtin,
                rs.getString("name"),
                permissions.granted(
                        builtin, (String[]) rs.getArray("permissions").getArray()),
                DataScope.valueOf(rs.getString("data_scope")),
                Arrays.asList((UUID[]) rs.getArray("dept_ids").getArray()),
                rs.getInt("member_count"),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
