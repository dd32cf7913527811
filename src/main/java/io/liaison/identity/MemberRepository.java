package io.liaison.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

    static final String SELECT = """
            SELECT m.id, m.login, m.display_name, m.mobile, m.email, m.role_id,
                   coalesce(r.builtin, r.id::text) AS role_key, r.name AS role_name,
                   m.active, m.system_admin, m.locale, m.time_zone, m.created_at, m.updated_at, m.version,
                   ARRAY(SELECT md.department_id FROM member_department md
                          WHERE md.org_id = m.org_id AND md.member_id = m.id ORDER BY md.department_id) AS dept_ids
              FROM member m JOIN role r ON r.org_id = m.org_id AND r.id = m.role_id
            """;

    private final JdbcClient jdbc;
    private final Permissions permissions;

    MemberRepository(JdbcClient jdbc, Permissions permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    Optional<Member> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE m.org_id = ? AND m.id = ?")
                .params(orgId, id)
                .query(MemberRepository::member)
                .optional();
    }

    /** A page of members in creation order, after {@code after} when given. */
    List<Member> page(UUID orgId, MemberFilter filter, @Nullable UUID after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE m.org_id = ?");
        List<Object> params = new ArrayList<>(List.of(orgId));
        if (!filter.includeInactive()) {
            sql.append(" AND m.active");
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            sql.append(" AND (" + KEYS + " LIKE ? OR m.email ILIKE ? OR m.mobile LIKE ?)");
            String like = "%"
                    + filter.query()
                            .trim()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            params.addAll(List.of(MemberSearchKeys.pattern(filter.query()), like, like));
        }
        if (filter.departmentId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM member_department md"
                    + " WHERE md.org_id = m.org_id AND md.member_id = m.id AND md.department_id = ?)");
            params.add(filter.departmentId());
        }
        if (after != null) {
            sql.append(" AND m.id > ?");
            params.add(after);
        }
        sql.append(" ORDER BY m.id LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(MemberRepository::member)
                .list();
    }

    /** A member's search keys, or before they are written (see MemberSearchBackfill) the name and login. */
    static final String KEYS = "coalesce(m.search_keys, lower(m.display_name || ' ' || m.login))";

    int countActive(UUID orgId) {
        return jdbc.sql("SELECT count(*) FROM member WHERE org_id = ? AND active")
                .param(orgId)
                .query(Integer.class)
                .single();
    }

    Map<UUID, String> displayNames(UUID orgId, Collection<UUID> ids, boolean activeOnly) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("SELECT id, display_name FROM member WHERE org_id = ? AND id = ANY (?)"
                        + (activeOnly ? " AND active" : ""))
                .params(orgId, ids.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
                });
        return names;
    }

    Map<UUID, String> displayNames(UUID orgId) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("SELECT id, display_name FROM member WHERE org_id = ?")
                .param(orgId)
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
                });
        return names;
    }

    boolean loginTaken(UUID orgId, String login) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM member WHERE org_id = ? AND lower(login) = lower(?))")
                .params(orgId, login)
                .query(Boolean.class)
                .single();
    }

    List<UUID> activeAdminIds(UUID orgId) {
        return jdbc.sql("SELECT m.id FROM member m JOIN role r ON r.org_id = m.org_id AND r.id = m.role_id"
                        + " WHERE m.org_id = ? AND m.active AND r.builtin = 'ADMIN' ORDER BY m.id")
                .param(orgId)
                .query(UUID.class)
                .list();
    }

    int activeAdmins(UUID orgId) {
        return jdbc.sql("SELECT count(*) FROM member m JOIN role r ON r.org_id = m.org_id AND r.id = m.role_id"
                        + " WHERE m.org_id = ? AND m.active AND r.builtin = 'ADMIN'")
                .param(orgId)
                .query(Integer.class)
                .single();
    }

    void insert(UUID orgId, UUID id, NewMember m, UUID roleId, String passwordHash, boolean systemAdmin) {
        jdbc.sql("""
                        INSERT INTO member (id, org_id, login, display_name, mobile, email, role_id, password_hash,
                                            system_admin, search_keys)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        orgId,
                        m.login(),
                        m.displayName(),
                        m.mobile(),
                        m.email(),
                        roleId,
                        passwordHash,
                        systemAdmin,
                        MemberSearchKeys.of(m.displayName(), m.login()))
                .update();
        replaceDepartments(orgId, id, m.departmentIds());
    }

    boolean update(UUID orgId, Member m, long version) {
        return jdbc.sql("""
                        UPDATE member SET display_name = ?, mobile = ?, email = ?, role_id = ?, locale = ?,
                               time_zone = ?, search_keys = ?, version = version + 1, updated_at = now()
                         WHERE org_id = ? AND id = ? AND version = ?
                        """)
                        .params(
                                m.displayName(),
                                m.mobile(),
                                m.email(),
                                m.roleId(),
                                m.locale(),
                                m.timeZone(),
                                MemberSearchKeys.of(m.displayName(), m.login()),
                                orgId,
                                m.id(),
                                version)
                        .update()
                == 1;
    }

    void replaceDepartments(UUID orgId, UUID memberId, List<UUID> departmentIds) {
        jdbc.sql("DELETE FROM member_department WHERE org_id = ? AND member_id = ?")
                .params(orgId, memberId)
                .update();
        for (UUID dept : departmentIds) {
            jdbc.sql("INSERT INTO member_department (org_id, member_id, department_id) VALUES (?, ?, ?)")
                    .params(orgId, memberId, dept)
                    .update();
        }
    }

    Optional<String> passwordHash(UUID orgId, UUID id) {
        return jdbc.sql("SELECT password_hash FROM member WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .query(String.class)
                .optional();
    }

    void setPassword(UUID orgId, UUID id, String hash) {
        jdbc.sql("UPDATE member SET password_hash = ?, updated_at = now(), version = version + 1"
                        + " WHERE org_id = ? AND id = ?")
                .params(hash, orgId, id)
                .update();
    }

    void setActive(UUID orgId, UUID id, boolean active) {
        jdbc.sql("""
                        UPDATE member SET active = ?, deactivated_at = CASE WHEN ? THEN NULL ELSE now() END,
                               updated_at = now(), version = version + 1
                         WHERE org_id = ? AND id = ?
                        """).params(active, active, orgId, id).update();
    }

    /** Ends every browser session of the member at once. */
    void deleteSessions(UUID memberId) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?")
                .param(memberId.toString())
                .update();
    }

    /** Active members with this login in any organization, for logging in. */
    List<Credentials> credentials(String login) {
        return jdbc.sql("""
                        SELECT m.id, m.org_id, o.code, m.password_hash FROM member m
                          JOIN organization o ON o.id = m.org_id
                         WHERE lower(m.login) = lower(?) AND m.active
                        """).param(login).query(Credentials.class).list();
    }

    record Credentials(UUID id, UUID orgId, String code, String passwordHash) {}

    /**
     * The actor with its role, and the departments its data scope covers resolved in the same query:
     * the member's own for DEPT, with all their sub-departments for DEPT_TREE, the role's for CUSTOM.
     */
    Optional<Actor> actor(UUID memberId) {
        return jdbc.sql(ACTOR + """
                          FROM member m JOIN organization o ON o.id = m.org_id
                          JOIN role r ON r.org_id = m.org_id AND r.id = m.role_id
                         WHERE m.id = ? AND m.active
                        """).param(memberId).query(this::actorRow).optional();
    }

    /** The same, within its organization: the query of every request, which Citus routes to one shard. */
    Optional<Actor> actor(UUID orgId, UUID memberId) {
        return jdbc.sql(ACTOR + """
                          FROM member m JOIN organization o ON o.id = m.org_id
                          JOIN role r ON r.org_id = m.org_id AND r.id = m.role_id
                         WHERE m.org_id = ? AND m.id = ? AND m.active
                        """)
                .params(orgId, memberId)
                .query(this::actorRow)
                .optional();
    }

    /** The active ones among {@code memberIds} of one organization, in one query. */
    List<Actor> actors(UUID orgId, Collection<UUID> memberIds) {
        return jdbc.sql(ACTOR + """
                          FROM member m JOIN organization o ON o.id = m.org_id
                          JOIN role r ON r.org_id = m.org_id AND r.id = m.role_id
                         WHERE m.org_id = ? AND m.id = ANY(?) AND m.active
                        """)
                .params(orgId, memberIds.toArray(UUID[]::new))
                .query(this::actorRow)
                .list();
    }

    /**
     * The actor of a live API token, in one query, and whether its last use is more than a minute
     * old (worth recording).
     */
    Optional<TokenActor> actorByToken(String tokenHash) {
        return jdbc.sql(ACTOR + """
                               , (tok.last_used_at IS NULL OR tok.last_used_at < now() - interval '1 minute') AS stale
                          FROM api_token tok JOIN member m ON m.org_id = tok.org_id AND m.id = tok.member_id
                          JOIN organization o ON o.id = m.org_id
                          JOIN role r ON r.org_id = m.org_id AND r.id = m.role_id
                         WHERE tok.token_hash = ? AND tok.scope = 'api' AND tok.revoked_at IS NULL AND m.active
                           AND (tok.expires_at IS NULL OR tok.expires_at > now())
                        """)
                .param(tokenHash)
                .query((rs, n) -> new TokenActor(actorRow(rs, n), rs.getBoolean("stale")))
                .optional();
    }

    /** A token's actor, and whether the token's last use should be recorded. */
    record TokenActor(Actor actor, boolean stale) {}

    /** The columns of an actor over member {@code m}, organization {@code o} and role {@code r}. */
    private static final String ACTOR = """
            SELECT m.id, m.org_id, o.name, o.code, o.mask_contact_details, m.login, m.display_name,
                   m.system_admin, m.locale, m.time_zone, o.time_zone AS org_time_zone, coalesce(r.builtin, r.id::text) AS role_key, r.builtin,
                   r.name AS role_name, r.permissions, r.data_scope,
                   ARRAY(SELECT md.department_id FROM member_department md
                          WHERE md.org_id = m.org_id AND md.member_id = m.id) AS dept_ids,
                   CASE r.data_scope
                     WHEN 'DEPT' THEN ARRAY(SELECT md.department_id FROM member_department md
                                             WHERE md.org_id = m.org_id AND md.member_id = m.id)
                     WHEN 'DEPT_TREE' THEN ARRAY(
                         WITH RECURSIVE tree (id) AS (
                             SELECT md.department_id FROM member_department md
                              WHERE md.org_id = m.org_id AND md.member_id = m.id
                             UNION
                             SELECT d.id FROM department d JOIN tree t ON d.parent_id = t.id
                              WHERE d.org_id = m.org_id)
                         SELECT id FROM tree)
                     WHEN 'CUSTOM' THEN ARRAY(SELECT rd.department_id FROM role_scope_department rd
                                               WHERE rd.org_id = r.org_id AND rd.role_id = r.id)
                     ELSE '{}'::uuid[]
                   END AS scope_dept_ids
            """;

    private Actor actorRow(ResultSet rs, int row) throws SQLException {
        String builtin = rs.getString("builtin");
        return new Actor(
                rs.getObject("id", UUID.class),
                rs.getObject("org_id", UUID.class),
                rs.getString("name"),
                rs.getString("code"),
                rs.getString("login"),
                rs.getString("display_name"),
                rs.getString("role_key"),
                rs.getString("role_name"),
                permissions.granted(builtin == null ? null : BuiltinRole.valueOf(builtin), (String[])
                        rs.getArray("permissions").getArray()),
                DataScope.valueOf(rs.getString("data_scope")),
                uuids(rs, "scope_dept_ids"),
                rs.getBoolean("system_admin"),
                uuids(rs, "dept_ids"),
                rs.getString("locale"),
                rs.getBoolean("mask_contact_details"),
                ZoneId.of(Objects.requireNonNullElse(rs.getString("time_zone"), rs.getString("org_time_zone"))),
                ZoneId.of(rs.getString("org_time_zone")));
    }

    static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getObject("id", UUID.class),
                rs.getString("login"),
                rs.getString("display_name"),
                rs.getString("mobile"),
                rs.getString("email"),
                rs.getObject("role_id", UUID.class),
                rs.getString("role_key"),
                rs.getString("role_name"),
                uuids(rs, "dept_ids"),
                rs.getBoolean("active"),
                rs.getBoolean("system_admin"),
                rs.getString("locale"),
                rs.getString("time_zone"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getLong("version"));
    }

    private static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((UUID[]) rs.getArray(column).getArray());
    }
}
