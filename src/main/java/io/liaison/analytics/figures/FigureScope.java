package io.liaison.analytics.figures;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which rows a recomputation covers: those of the ids (contacts, groups, tasks or members, as the
 * statement says; null for all of the organization's), between two days of the organization's time
 * zone (each null for no bound). It writes the statements' conditions, which name {@code :ids},
 * {@code :fromDay}, {@code :toDay} and {@code :tz}, so that each source is read through its index.
 */
record FigureScope(
        UUID @Nullable [] ids,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    static final FigureScope ALL = new FigureScope(null, null, null);

    static FigureScope of(Collection<UUID> ids) {
        return new FigureScope(ids.toArray(UUID[]::new), null, null);
    }

    static FigureScope of(Collection<UUID> ids, LocalDate from, LocalDate to) {
        return new FigureScope(ids.toArray(UUID[]::new), from, to);
    }

    boolean isEmpty() {
        return ids != null && ids.length == 0;
    }

    /** Conditions on a row's id column and its timestamp: the day is taken in the organization's zone. */
    String on(String idColumn, String timeColumn) {
        StringBuilder sql = new StringBuilder(ids(idColumn));
        if (from != null) {
            sql.append(" AND ").append(timeColumn).append(" >= (CAST(:fromDay AS date)::timestamp AT TIME ZONE :tz)");
        }
        if (to != null) {
            sql.append(" AND ")
                    .append(timeColumn)
                    .append(" < ((CAST(:toDay AS date) + 1)::timestamp AT TIME ZONE :tz)");
        }
        return sql.toString();
    }

    /** Conditions on a row's id column and its day column. */
    String onDay(String idColumn, String dayColumn) {
        StringBuilder sql = new StringBuilder(ids(idColumn));
        if (from != null) {
            sql.append(" AND ").append(dayColumn).append(" >= CAST(:fromDay AS date)");
        }
        if (to != null) {
            sql.append(" AND ").append(dayColumn).append(" <= CAST(:toDay AS date)");
        }
        return sql.toString();
    }

    /** A condition on the id column alone. */
    String ids(String idColumn) {
        return ids == null ? "" : " AND " + idColumn + " = ANY (:ids)";
    }

    void bind(Map<String, Object> values) {
        if (ids != null) {
            values.put("ids", ids);
        }
        if (from != null) {
            values.put("fromDay", from.toString());
        }
        if (to != null) {
            values.put("toDay", to.toString());
        }
    }
}
