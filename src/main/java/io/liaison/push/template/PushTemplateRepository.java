package io.liaison.push.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The saved templates, newest first (ids are time ordered); every query is bound to one organization. */
@Repository
class PushTemplateRepository {

    private static final String SELECT = """
            SELECT t.id, t.name, t.subject, t.body, t.created_by, m.display_name AS created_by_name, t.created_at,
                   t.updated_at, t.version
              FROM push_template t
              JOIN member m ON m.org_id = t.org_id AND m.id = t.created_by
            """;

    private final JdbcClient jdbc;

    PushTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} templates older than {@code before}, whose name holds {@code q}. */
    List<PushTemplate> list(UUID orgId, @Nullable String q, @Nullable UUID before, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE t.org_id = ?");
        List<Object> params = new ArrayList<>(List.of(orgId));
        if (before != null) {
            sql.append(" AND t.id < ?");
            params.add(before);
        }
        if (q != null) {
            sql.append(" AND t.name ILIKE ?");
            params.add("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY t.id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(PushTemplateRepository::row)
                .list();
    }

    Optional<PushTemplate> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE t.org_id = ? AND t.id = ?")
                .params(orgId, id)
                .query(PushTemplateRepository::row)
                .optional();
    }

    /** Whether another template of the organization has this name, whatever its case. */
    boolean nameTaken(UUID orgId, String name, @Nullable UUID except) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM push_template
                                        WHERE org_id = ? AND lower(name) = lower(?) AND id IS DISTINCT FROM ?)
                        """).params(orgId, name, except).query(Boolean.class).single();
    }

    void insert(UUID orgId, UUID id, String name, Template template, UUID createdBy) {
        jdbc.sql("""
                        INSERT INTO push_template (org_id, id, name, subject, body, created_by)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(orgId, id, name, template.subject(), template.body(), createdBy)
                .update();
    }

    boolean update(UUID orgId, UUID id, String name, Template template, long version) {
        return jdbc.sql("""
                        UPDATE push_template SET name = ?, subject = ?, body = ?, updated_at = now(),
                               version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ?
                        """)
                        .params(name, template.subject(), template.body(), orgId, id, version)
                        .update()
                == 1;
    }

    boolean delete(UUID orgId, UUID id, long version) {
        return jdbc.sql("DELETE FROM push_template WHERE org_id = ? AND id = ? AND version = ?")
                        .params(orgId, id, version)
                        .update()
                == 1;
    }

    private static PushTemplate row(ResultSet rs, int n) throws SQLException {
        return new PushTemplate(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getObject("created_by", UUID.class),
                rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
