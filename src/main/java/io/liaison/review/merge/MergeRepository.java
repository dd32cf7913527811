package io.liaison.review.merge;

import io.liaison.shared.SqlFragment;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Merge records, read through the visibility of their survivor. */
@Repository
class MergeRepository {

    private static final String SELECT = """
            SELECT m.id, m.survivor_id, c.name AS survivor_name, m.merged_ids, m.names::text AS names,
                   m.fields::text AS fields, m.before::text AS before, m.after::text AS after,
                   m.moved::text AS moved, m.merged_by, mb.display_name AS merged_by_name, m.merged_at,
                   m.undone_at, ub.display_name AS undone_by_name, m.outcome::text AS outcome, m.erased_at
              FROM contact_merge m
              JOIN contact c ON c.org_id = m.org_id AND c.id = m.survivor_id
              LEFT JOIN member mb ON mb.org_id = m.org_id AND mb.id = m.merged_by
              LEFT JOIN member ub ON ub.org_id = m.org_id AND ub.id = m.undone_by
             WHERE m.org_id = ? AND\s""";

    private final JdbcClient jdbc;

    MergeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID orgId,
            UUID id,
            UUID survivorId,
            List<UUID> mergedIds,
            String names,
            String fields,
            String before,
            String after,
            String moved,
            UUID mergedBy) {
        jdbc.sql("""
                        INSERT INTO contact_merge (org_id, id, survivor_id, merged_ids, names, fields, before, after,
                                                   moved, merged_by)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?)
                        """)
                .params(
                        orgId,
                        id,
                        survivorId,
                        mergedIds.toArray(UUID[]::new),
                        names,
                        fields,
                        before,
                        after,
                        moved,
                        mergedBy)
                .update();
    }

    /** The merge, when the survivor is a contact that {@code visible} (over alias c) allows. */
    Optional<MergeRow> find(UUID orgId, UUID id, SqlFragment visible, boolean lock) {
        List<Object> params = new ArrayList<>(List.of(orgId, id));
        params.addAll(visible.params());
        return jdbc.sql(SELECT + "m.id = ? AND " + visible.sql() + (lock ? " FOR UPDATE OF m" : ""))
                .params(params)
                .query(MergeRepository::row)
                .optional();
    }

    /** The newest merges whose survivor {@code visible} allows, before the cursor's. */
    List<MergeRow> list(UUID orgId, SqlFragment visible, @Nullable UUID before, int limit) {
        List<Object> params = new ArrayList<>(List.of(orgId));
        params.addAll(visible.params());
        params.add(before);
        params.add(before);
        params.add(limit);
        return jdbc.sql(SELECT + visible.sql() + " AND (?::uuid IS NULL OR m.id < ?) ORDER BY m.id DESC LIMIT ?")
                .params(params)
                .query(MergeRepository::row)
                .list();
    }

    void undone(UUID orgId, UUID id, UUID actorId, String outcome) {
        jdbc.sql("""
                        UPDATE contact_merge SET undone_at = now(), undone_by = ?, outcome = ?::jsonb
                         WHERE org_id = ? AND id = ?
                        """).params(actorId, outcome, orgId, id).update();
    }

    /**
     * A merged contact was purged: the merges it took part in forget what they kept of it (and of
     * the others: such a merge can no longer be undone).
     */
    void erase(UUID orgId, UUID contactId) {
        jdbc.sql("""
                        UPDATE contact_merge SET erased_at = now(), before = '{}', after = '{}', moved = '{}',
                               names = names - ?
                         WHERE org_id = ? AND ? = ANY (merged_ids) AND erased_at IS NULL
                        """).params(contactId.toString(), orgId, contactId).update();
    }

    private static MergeRow row(ResultSet rs, int n) throws SQLException {
        Array merged = rs.getArray("merged_ids");
        return new MergeRow(
                rs.getObject("id", UUID.class),
                rs.getObject("survivor_id", UUID.class),
                rs.getString("survivor_name"),
                Arrays.stream((Object[]) merged.getArray())
                        .map(UUID.class::cast)
                        .toList(),
                rs.getString("names"),
                rs.getString("fields"),
                rs.getString("before"),
                rs.getString("after"),
                rs.getString("moved"),
                rs.getObject("merged_by", UUID.class),
                rs.getString("merged_by_name"),
                rs.getObject("merged_at", OffsetDateTime.class),
                rs.getObject("undone_at", OffsetDateTime.class),
                rs.getString("undone_by_name"),
                rs.getString("outcome"),
                rs.getObject("erased_at", OffsetDateTime.class));
    }
}
