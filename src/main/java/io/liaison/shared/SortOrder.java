package io.liaison.shared;

import org.jspecify.annotations.Nullable;

/**
 * The place of a tag group, tag, custom field or department in its list: -{@value #MAX} (to come
 * before the default places from 0) to {@value #MAX}, so that the next item's place (one after the
 * last, never past {@value #MAX}) cannot overflow.
 */
public final class SortOrder {

    public static final int MAX = 1_000_000;

    /** SQL for the place after the last row's {@code sort_order}, capped at {@value #MAX}. */
    public static final String NEXT = "least(coalesce(max(sort_order)::bigint + 1, 0), " + MAX + ")::int";

    private SortOrder() {}

    public static @Nullable Integer checked(String field, @Nullable Integer order) {
        if (order != null && (order < -MAX || order > MAX)) {
            throw LiaisonException.invalid(field, "invalid.between", -MAX, MAX);
        }
        return order;
    }
}
