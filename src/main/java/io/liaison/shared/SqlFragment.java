package io.liaison.shared;

import java.util.ArrayList;
import java.util.List;

/** A piece of a WHERE clause with its positional parameters, to be combined into a query. */
public record SqlFragment(String sql, List<Object> params) {

    public SqlFragment {
        params = List.copyOf(params);
    }

    public static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, List.of(params));
    }

    public SqlFragment and(SqlFragment other) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlFragment("(" + sql + ") AND (" + other.sql + ")", all);
    }

    public SqlFragment or(SqlFragment other) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlFragment("(" + sql + ") OR (" + other.sql + ")", all);
    }

    /** The negation; its complement only when the condition is never null. */
    public SqlFragment not() {
        return new SqlFragment("NOT (" + sql + ")", params);
    }

    /** Queries joined by {@code UNION ALL}, their parameters in order. */
    public static SqlFragment unionAll(List<SqlFragment> queries) {
        List<Object> all = new ArrayList<>();
        List<String> sqls = new ArrayList<>();
        for (SqlFragment query : queries) {
            sqls.add(query.sql);
            all.addAll(query.params);
        }
        return new SqlFragment(String.join(" UNION ALL ", sqls), all);
    }

    /** This fragment followed by {@code before}, {@code other} and {@code after}. */
    public SqlFragment append(String before, SqlFragment other, String after) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlFragment(sql + before + "(" + other.sql + ")" + after, all);
    }
}
