package io.liaison.analytics.figures;

import io.liaison.shared.SqlFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds {@code :name} parameters to positional ones, arrays as they are (a {@code uuid[]} or a
 * {@code text[]} for {@code = ANY}), and a name used twice bound twice; {@code ::type} casts are left
 * alone.
 */
final class NamedSql {

    private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-zA-Z][a-zA-Z0-9]*)");

    private NamedSql() {}

    static SqlFragment bind(String sql, Map<String, Object> values) {
        Matcher m = NAME.matcher(sql);
        StringBuilder out = new StringBuilder();
        List<Object> params = new ArrayList<>();
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for :" + m.group(1));
            }
            params.add(value);
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new SqlFragment(out.toString(), params);
    }
}
