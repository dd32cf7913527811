package io.liaison.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The names of a module's records by id, as they are now. The audit log and a contact's timeline
 * keep them with what happened, so that they read "王芳 handed 张伟 to 李娜" long after anyone was
 * renamed or deleted, without knowing which module owns which id.
 */
public interface RecordNames {

    /** An id as JSON stores it. */
    Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The names of those of {@code ids} that are this module's records in the organization. */
    Map<UUID, String> names(UUID orgId, Set<UUID> ids);

    /**
     * The names one query answers as {@code (id, name)} rows, from {@code tables} tables each taking
     * the organization and the ids as its two parameters, in that order.
     */
    static Map<UUID, String> query(JdbcClient jdbc, String sql, int tables, UUID orgId, Set<UUID> ids) {
        UUID[] wanted = ids.toArray(UUID[]::new);
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            params.add(orgId);
            params.add(wanted);
        }
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> names.putIfAbsent(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
        return names;
    }

    /** The names every module knows of {@code ids}, in one query per module. */
    static Map<UUID, String> of(List<RecordNames> modules, UUID orgId, Set<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            modules.forEach(m -> names.putAll(m.names(orgId, ids)));
        }
        return names;
    }

    /** Every id the values mention: UUIDs and strings that spell one, in lists and maps at any depth. */
    static Set<UUID> mentioned(@Nullable Object... values) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (Object value : values) {
            collect(value, ids);
        }
        return ids;
    }

    private static void collect(@Nullable Object value, Set<UUID> ids) {
        if (value instanceof UUID id) {
            ids.add(id);
        } else if (value instanceof String text && UUID_TEXT.matcher(text).matches()) {
            ids.add(UUID.fromString(text));
        } else if (value instanceof Collection<?> list) {
            list.forEach(item -> collect(item, ids));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collect(item, ids));
        }
    }

    /** The id {@code value} spells, or {@code null}. */
    static @Nullable UUID id(@Nullable Object value) {
        if (value instanceof UUID id) {
            return id;
        }
        return value instanceof String text && UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : null;
    }
}
