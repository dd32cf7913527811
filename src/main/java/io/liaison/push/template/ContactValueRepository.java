package io.liaison.push.template;

import io.liaison.shared.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the values a template needs for many contacts in one statement: name, company, title, the
 * owner's display name and the custom values it names (a multiselect's options joined). Trashed
 * contacts are left out.
 */
@Repository
class ContactValueRepository {

    /** Separates a multiselect's options in the statement's answer; never in a value itself. */
    private static final String OPTIONS_SEPARATOR = "\u001f";

    private final JdbcClient jdbc;

    ContactValueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values of {@code contactIds} that {@code condition} (over the contact row {@code c}) admits. */
    Map<UUID, ContactValues> read(
            UUID orgId, Collection<UUID> contactIds, List<String> fieldKeys, @Nullable SqlFragment condition) {
        StringBuilder sql = new StringBuilder("SELECT c.id, c.name, c.company, c.title, m.display_name AS owner_name");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < fieldKeys.size(); i++) {
            sql.append(", CASE jsonb_typeof(c.custom_fields -> ?) WHEN 'array' THEN array_to_string(ARRAY(")
                    .append("SELECT jsonb_array_elements_text(c.custom_fields -> ?)), E'\\x1f')")
                    .append(" ELSE c.custom_fields ->> ? END AS f")
                    .append(i);
            params.addAll(List.of(fieldKeys.get(i), fieldKeys.get(i), fieldKeys.get(i)));
        }
        sql.append("""
                  FROM contact c
                  LEFT JOIN member m ON m.org_id = c.org_id AND m.id = c.owner_id
                 WHERE c.org_id = ? AND c.id = ANY(?) AND c.trashed_at IS NULL
                """);
        params.add(orgId);
        params.add(contactIds.toArray(UUID[]::new));
        if (condition != null) {
            sql.append(" AND (").append(condition.sql()).append(")");
            params.addAll(condition.params());
        }
        Map<UUID, ContactValues> values = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            values.put(rs.getObject("id", UUID.class), values(rs, fieldKeys));
        });
        return values;
    }

    private static ContactValues values(ResultSet rs, List<String> fieldKeys) throws SQLException {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < fieldKeys.size(); i++) {
            String value = rs.getString("f" + i);
            if (value != null) {
                fields.put(fieldKeys.get(i), joinOptions(value));
            }
        }
        return new ContactValues(
                rs.getString("name"),
                rs.getString("company"),
                rs.getString("title"),
                rs.getString("owner_name"),
                fields);
    }

    /** A multiselect's options, joined with 、 when one of them is Chinese and with a comma otherwise. */
    private static String joinOptions(String value) {
        if (!value.contains(OPTIONS_SEPARATOR)) {
            return value;
        }
        boolean chinese =
                value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return String.join(chinese ? "、" : ", ", value.split(OPTIONS_SEPARATOR));
    }
}
