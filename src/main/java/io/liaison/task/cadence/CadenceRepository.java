package io.liaison.task.cadence;

import io.liaison.shared.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cadences and the contacts they make due, in SQL: a contact's cadence is its own, else the shortest of
 * its tags'; it is due once its clock (last contact, else creation) is that many days old.
 */
@Repository
class CadenceRepository {

    private static final String COLUMNS =
            "k.id, k.contact_id, k.tag_id, k.every_days, k.created_by, k.created_at, k.updated_at, k.version";

    /** The days of the contact row {@code c}'s cadence: its own, else the shortest of its tags'. */
    static final String EVERY_DAYS = """
            coalesce((SELECT o.every_days FROM cadence o WHERE o.org_id = c.org_id AND o.contact_id = c.id),
                     (SELECT min(t.every_days) FROM cadence t WHERE t.org_id = c.org_id AND t.tag_id = ANY (c.tag_ids)))""";

    /**
     * The contacts of the organization (the two parameters) that have a cadence: their own, or one of a
     * tag they carry. Arrays the database fills once, so that the contact's id index and its tags' GIN
     * index find them (a bitmap OR) rather than a walk of every contact.
     */
    static final String WITH_CADENCE = """
            (c.id = ANY (ARRAY(SELECT o.contact_id FROM cadence o WHERE o.org_id = ? AND o.contact_id IS NOT NULL))
             OR c.tag_ids && ARRAY(SELECT t.tag_id FROM cadence t WHERE t.org_id = ? AND t.tag_id IS NOT NULL))""";

    /** The clock of the contact row {@code c}: its last contact, else its creation. */
    static final String CLOCK = "coalesce(c.last_contacted_at, c.created_at)";

    /** When the contact row {@code c} falls due, by the days in {@code e.every_days}: whole days of 24 hours. */
    static final String DUE_AT = CLOCK + " + make_interval(hours => 24 * e.every_days)";

    private final JdbcClient jdbc;

    CadenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID orgId, UUID id, @Nullable UUID contactId, @Nullable UUID tagId, int everyDays, UUID by) {
        jdbc.sql("""
                        INSERT INTO cadence (org_id, id, contact_id, tag_id, every_days, created_by)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """).params(orgId, id, contactId, tagId, everyDays, by).update();
    }

    /** Whether the contact, or the tag, has a cadence already. */
    boolean exists(UUID orgId, @Nullable UUID contactId, @Nullable UUID tagId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM cadence
                         WHERE org_id = ? AND (contact_id = ? OR tag_id = ?))
                        """)
                .params(orgId, contactId, tagId)
                .query(Boolean.class)
                .single();
    }

    Optional<Cadence> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cadence k WHERE k.org_id = ? AND k.id = ?")
                .params(orgId, id)
                .query(CadenceRepository::cadence)
                .optional();
    }

    Optional<Cadence> ofContact(UUID orgId, UUID contactId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cadence k WHERE k.org_id = ? AND k.contact_id = ?")
                .params(orgId, contactId)
                .query(CadenceRepository::cadence)
                .optional();
    }

    Optional<Cadence> ofTag(UUID orgId, UUID tagId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cadence k WHERE k.org_id = ? AND k.tag_id = ?")
                .params(orgId, tagId)
                .query(CadenceRepository::cadence)
                .optional();
    }

    /** Every tag cadence of the organization; at most one per tag, and tags are limited. */
    List<Cadence> ofTags(UUID orgId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cadence k WHERE k.org_id = ? AND k.tag_id IS NOT NULL")
                .params(orgId)
                .query(CadenceRepository::cadence)
                .list();
    }

    /** Cadences meeting {@code where} (over {@code k}), after the id {@code after}, in id order. */
    List<Cadence> page(SqlFragment where, @Nullable UUID after, int limit) {
        if (after != null) {
            where = where.and(SqlFragment.of("k.id > ?", after));
        }
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM cadence k WHERE " + where.sql() + " ORDER BY k.id LIMIT ?")
                .params(params)
                .query(CadenceRepository::cadence)
                .list();
    }

    boolean update(UUID orgId, UUID id, int everyDays, long version) {
        return jdbc.sql("""
                        UPDATE cadence SET every_days = ?, updated_at = now(), version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ?
                        """).params(everyDays, orgId, id, version).update() == 1;
    }

    void delete(UUID orgId, UUID id) {
        jdbc.sql("DELETE FROM cadence WHERE org_id = ? AND id = ?")
                .params(orgId, id)
                .update();
    }

    /** The shortest cadence among the tags the contact carries, with the tag's name. */
    Optional<TagDays> shortestOfTags(UUID orgId, UUID contactId) {
        return jdbc.sql("""
                        SELECT k.every_days, g.name
                          FROM contact c
                          JOIN cadence k ON k.org_id = c.org_id AND k.tag_id = ANY (c.tag_ids)
                          JOIN tag g ON g.org_id = k.org_id AND g.id = k.tag_id
                         WHERE c.org_id = ? AND c.id = ?
                         ORDER BY k.every_days, g.name LIMIT 1
                        """)
                .params(orgId, contactId)
                .query((rs, n) -> new TagDays(rs.getInt(1), rs.getString(2)))
                .optional();
    }

    record TagDays(int everyDays, String tagName) {}

    /** The contact's clock: its last contact, else its creation. */
    Optional<Instant> clock(UUID orgId, UUID contactId) {
        return jdbc.sql("SELECT " + CLOCK + " FROM contact c WHERE c.org_id = ? AND c.id = ?")
                .params(orgId, contactId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    /**
     * The due contacts meeting {@code where} (over the contact {@code c}, with the organization), most
     * overdue first, after the position {@code after}.
     */
    List<DueContact> due(UUID orgId, SqlFragment where, @Nullable DuePosition after, int limit) {
        List<Object> params = new ArrayList<>(List.of(orgId, orgId));
        params.addAll(where.params());
        params.add(orgId);
        String keyset = "";
        if (after != null) {
            keyset = " AND (x.due_since, x.id) > (?, ?)";
            params.add(after.dueSince().atOffset(ZoneOffset.UTC));
            params.add(after.contactId());
        }
        params.add(limit);
        params.add(orgId);
        // The shortest cadence of the organization rules out, before any cadence is looked up, the
        // contacts in touch more recently than that; owners' names are read for the page alone.
        return jdbc.sql("""
                        SELECT d.id, d.name, d.owner_id, m.display_name, d.last_contacted_at, d.every_days, d.due_since
                          FROM (SELECT x.* FROM (
                                    SELECT c.id, c.name, c.owner_id, c.last_contacted_at, e.every_days, %s AS due_since
                                      FROM contact c CROSS JOIN LATERAL (SELECT %s AS every_days) e
                                     WHERE c.trashed_at IS NULL AND %s AND %s
                                       AND %s <= now() - make_interval(hours => 24 *
                                               (SELECT min(k.every_days) FROM cadence k WHERE k.org_id = ?))) x
                                 WHERE x.due_since <= now()%s
                                 ORDER BY x.due_since, x.id LIMIT ?) d
                          JOIN member m ON m.org_id = ? AND m.id = d.owner_id
                         ORDER BY d.due_since, d.id
                        """.formatted(DUE_AT, EVERY_DAYS, WITH_CADENCE, where.sql(), CLOCK, keyset))
                .params(params)
                .query((rs, n) -> new DueContact(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        instant(rs, 5),
                        rs.getInt(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Where a page of due contacts ended. */
    record DuePosition(Instant dueSince, UUID contactId) {}

    private static Cadence cadence(ResultSet rs, int row) throws SQLException {
        return new Cadence(
                rs.getObject("id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getObject("tag_id", UUID.class),
                rs.getInt("every_days"),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
