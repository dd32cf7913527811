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

    /** This fragment followed by {@code before}, {@code other} and {@code after}. */
    public SqlFragment append(String before, SqlFragment other, String after) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlFragment(sql + before + "(" + other.sql + ")" + after, all);
    }
}
