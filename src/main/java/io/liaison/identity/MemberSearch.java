package io.liaison.identity;

import io.liaison.shared.LiaisonException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members as a picker finds them, for organizations of thousands: active members of the actor's
 * organization whose name, pinyin, initials or login contain the query, within a department and its
 * sub-departments when one is chosen; those whose name or spelling starts with it first, then by
 * pinyin. At most {@link #LIMIT} come back, with word of whether there are more.
 */
@Service
public class MemberSearch {

    /** The most members one answer holds; a picker says when there are more. */
    public static final int LIMIT = 20;
    /** The longest query, in characters. */
    public static final int MAX_QUERY = 100;
    /** The most members a picker may leave out (the owner, those already chosen). */
    public static final int MAX_EXCLUDED = 200;

    /** The members found, and whether more than these match. */
    public record Found(List<Member> members, boolean more) {}

    private final JdbcClient jdbc;
    private final DepartmentRepository departments;

    MemberSearch(JdbcClient jdbc, DepartmentRepository departments) {
        this.jdbc = jdbc;
        this.departments = departments;
    }

    @Transactional(readOnly = true)
    public Found find(Actor actor, @Nullable String query, @Nullable UUID departmentId, Collection<UUID> excluded) {
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY) {
            throw LiaisonException.invalid("q", "invalid.max-length", MAX_QUERY);
        }
        if (excluded.size() > MAX_EXCLUDED) {
            throw LiaisonException.tooMany("exclude", MAX_EXCLUDED);
        }
        if (departmentId != null
                && departments.find(actor.orgId(), departmentId).isEmpty()) {
            throw LiaisonException.invalid("department", "invalid.unknown-department");
        }
        StringBuilder sql = new StringBuilder(MemberRepository.SELECT).append(" WHERE m.org_id = ? AND m.active");
        List<Object> params = new ArrayList<>(List.of(actor.orgId()));
        if (!q.isEmpty()) {
            sql.append(" AND ").append(MemberRepository.KEYS).append(" LIKE ?");
            params.add(MemberSearchKeys.pattern(q));
        }
        if (departmentId != null) {
            sql.append("""
                     AND EXISTS (SELECT 1 FROM member_department md
                                  WHERE md.org_id = m.org_id AND md.member_id = m.id AND md.department_id IN (
                                      WITH RECURSIVE below (id) AS (
                                          SELECT id FROM department WHERE org_id = ? AND id = ?
                                          UNION ALL
                                          SELECT d.id FROM below b JOIN department d ON d.org_id = ? AND d.parent_id = b.id)
                                      SELECT id FROM below))
                    """);
            params.addAll(List.of(actor.orgId(), departmentId, actor.orgId()));
        }
        if (!excluded.isEmpty()) {
            sql.append(" AND m.id <> ALL (?)");
            params.add(excluded.toArray(UUID[]::new));
        }
        sql.append(" ORDER BY ");
        if (!q.isEmpty()) {
            sql.append("(' ' || ").append(MemberRepository.KEYS).append(") LIKE ? DESC, ");
            params.add(MemberSearchKeys.wordStart(q));
        }
        sql.append(MemberRepository.KEYS).append(", m.id LIMIT ?");
        params.add(LIMIT + 1);
        List<Member> rows = jdbc.sql(sql.toString())
                .params(params)
                .query(MemberRepository::member)
                .list();
        return rows.size() > LIMIT ? new Found(rows.subList(0, LIMIT), true) : new Found(rows, false);
    }
}
