package io.liaison.contact.field;

import io.liaison.contact.CustomField;
import io.liaison.shared.SortOrder;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomFieldRepository {

    private static final String SELECT = """
            SELECT id, key, label, type, ARRAY(SELECT jsonb_array_elements_text(options)) AS options,
                   required, sort_order, version
              FROM custom_field
             WHERE org_id = ?
            """;

    private final JdbcClient jdbc;

    CustomFieldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CustomField> findAll(UUID orgId) {
        return jdbc.sql(SELECT + " ORDER BY sort_order, label, id")
                .param(orgId)
                .query(CustomFieldRepository::field)
                .list();
    }

    Optional<CustomField> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " AND id = ?")
                .params(orgId, id)
                .query(CustomFieldRepository::field)
                .optional();
    }

    boolean keyTaken(UUID orgId, String key) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM custom_field WHERE org_id = ? AND key = ?)")
                .params(orgId, key)
                .query(Boolean.class)
                .single();
    }

    /** Counts the organization's fields while holding a lock that serialises field creation in it. */
    int countLocked(UUID orgId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('custom-fields:' || ?::text, 0))")
                .param(orgId)
                .query()
                .singleRow();
        return jdbc.sql("SELECT count(*) FROM custom_field WHERE org_id = ?")
                .param(orgId)
                .query(Integer.class)
                .single();
    }

    int nextOrder(UUID orgId) {
        return jdbc.sql("SELECT " + SortOrder.NEXT + " FROM custom_field WHERE org_id = ?")
                .param(orgId)
                .query(Integer.class)
                .single();
    }

    void insert(UUID orgId, CustomField field) {
        jdbc.sql("""
                        INSERT INTO custom_field (id, org_id, key, label, type, options, required, sort_order)
                        VALUES (?, ?, ?, ?, ?, to_jsonb(?::text[]), ?, ?)
                        """)
                .params(
                        field.id(),
                        orgId,
                        field.key(),
                        field.label(),
                        field.type(),
                        field.options().toArray(String[]::new),
                        field.required(),
                        field.order())
                .update();
    }

    /** Saves label, options, required and order when the stored version is still the field's. */
    boolean update(UUID orgId, CustomField field) {
        return jdbc.sql("""
                        UPDATE custom_field
                           SET label = ?, options = to_jsonb(?::text[]), required = ?, sort_order = ?,
                               version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ?
                        """)
                        .params(
                                field.label(),
                                field.options().toArray(String[]::new),
                                field.required(),
                                field.order(),
                                orgId,
                                field.id(),
                                field.version())
                        .update()
                == 1;
    }

    /** Deletes the definition and, in one statement, its values from every contact of the organization. */
    void delete(UUID orgId, UUID id, String key) {
        jdbc.sql("""
                        UPDATE contact SET custom_fields = custom_fields - ?::text
                         WHERE org_id = ? AND jsonb_exists(custom_fields, ?::text)
                        """).params(key, orgId, key).update();
        jdbc.sql("DELETE FROM custom_field WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .update();
    }

    private static CustomField field(ResultSet rs, int row) throws SQLException {
        Array options = rs.getArray("options");
        return new CustomField(
                rs.getObject("id", UUID.class),
                rs.getString("key"),
                rs.getString("label"),
                rs.getString("type"),
                Arrays.asList((String[]) options.getArray()),
                rs.getBoolean("required"),
                rs.getInt("sort_order"),
                rs.getLong("version"));
    }
}
