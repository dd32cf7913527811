package io.liaison.review.campaign;

import io.liaison.contact.ContactFilter;
import io.liaison.shared.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns and their items in SQL, each statement bound to one organization. Who may see which of
 * them is the caller's {@link SqlFragment} over the campaign row {@code rc} or the contact row
 * {@code c}; an item's owner is always its contact's current owner.
 */
@Repository
class CampaignRepository {

    static final String COUNTS = """
            count(*) AS total,
            count(*) FILTER (WHERE i.action = 'confirm') AS confirmed,
            count(*) FILTER (WHERE i.action = 'update') AS updated,
            count(*) FILTER (WHERE i.action = 'invalid') AS invalid,
            count(*) FILTER (WHERE i.action = 'trash') AS trashed""";

    /** A time-ordered id (UUIDv7: milliseconds since 1970, version and variant bits, random bits) made in SQL. */
    private static final String UUID_V7 = "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing"
            + " substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),"
            + " 52, 1), 53, 1), 'hex')::uuid";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CampaignRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A campaign's own columns, before the reader's counts. */
    record Row(
            UUID id,
            String name,
            @Nullable String note,
            ContactFilter filter,
            UUID startedBy,
            String startedByName,
            OffsetDateTime startedAt,
            OffsetDateTime deadline,
            String status,
            @Nullable OffsetDateTime closedAt,
            @Nullable UUID closedBy) {}

    void insert(
            UUID orgId,
            UUID id,
            String name,
            @Nullable String note,
            ContactFilter filter,
            UUID startedBy,
            OffsetDateTime deadline,
            int itemCount) {
        jdbc.sql("""
                        INSERT INTO review_campaign (org_id, id, name, note, filter, started_by, deadline, item_count)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                        """)
                .params(orgId, id, name, note, json.writeValueAsString(filter), startedBy, deadline, itemCount)
                .update();
    }

    /** Counts the contacts of {@code audience} (a select with {@code contact_id} and {@code visible}), at most {@code cap}. */
    int countAudience(SqlFragment audience, int cap) {
        List<Object> params = new ArrayList<>(audience.params());
        params.add(cap);
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM (" + audience.sql() + ") a WHERE a.visible LIMIT ?) n")
                .params(params)
                .query(Integer.class)
                .single();
    }

    /** One item per contact of {@code audience}, with the contact's owner now; how many. */
    int insertItems(UUID orgId, UUID campaignId, SqlFragment audience) {
        List<Object> params = new ArrayList<>();
        params.add(orgId);
        params.add(campaignId);
        params.addAll(audience.params());
        params.add(orgId);
        return jdbc.sql("""
                        INSERT INTO review_campaign_item (org_id, id, campaign_id, contact_id, owner_id, position)
                        SELECT ?, """ + UUID_V7 + ", ?, c.id, c.owner_id, row_number() OVER (ORDER BY c.owner_id, c.name, c.id)"
                        + " FROM (" + audience.sql() + """
                        ) a JOIN contact c ON c.org_id = ? AND c.id = a.contact_id
                         WHERE a.visible
                        """)
                .params(params)
                .update();
    }

    /** The current owners of a campaign's pending items (all items when {@code pendingOnly} is false), with how many each has. */
    Map<UUID, Integer> owners(UUID orgId, UUID campaignId, boolean pendingOnly) {
        Map<UUID, Integer> owners = new HashMap<>();
        jdbc.sql("""
                        SELECT c.owner_id, count(*) FROM review_campaign_item i
                          JOIN contact c ON c.org_id = i.org_id AND c.id = i.contact_id
                         WHERE i.org_id = ? AND i.campaign_id = ? AND (NOT ? OR i.action IS NULL)
                         GROUP BY c.owner_id
                        """)
                .params(orgId, campaignId, pendingOnly)
                .query((rs, n) -> owners.put(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
        return owners;
    }

    Optional<Row> find(UUID orgId, UUID id, SqlFragment visible) {
        List<Object> params = new ArrayList<>(List.of(orgId, id));
        params.addAll(visible.params());
        return jdbc.sql(SELECT + " WHERE rc.org_id = ? AND rc.id = ? AND " + visible.sql())
                .params(params)
                .query(this::row)
                .optional();
    }

    /** The campaigns {@code visible} lets the reader see, newest first, after {@code after}. */
    List<Row> page(UUID orgId, SqlFragment visible, @Nullable UUID after, int limit) {
        List<Object> params = new ArrayList<>(List.of(orgId));
        params.addAll(visible.params());
        params.add(after);
        params.add(after);
        params.add(limit);
        return jdbc.sql(SELECT + " WHERE rc.org_id = ? AND " + visible.sql()
                        + " AND (?::uuid IS NULL OR rc.id < ?) ORDER BY rc.id DESC LIMIT ?")
                .params(params)
                .query(this::row)
                .list();
    }

    /** Counts per campaign of {@code ids} over the items whose contacts {@code items} admits. */
    Map<UUID, Campaign.Counts> counts(UUID orgId, List<UUID> ids, SqlFragment items) {
        Map<UUID, Campaign.Counts> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        List<Object> params = new ArrayList<>(List.of(orgId, ids.toArray(UUID[]::new)));
        params.addAll(items.params());
        jdbc.sql("SELECT i.campaign_id, " + COUNTS + "\n" + """
                         FROM review_campaign_item i JOIN contact c ON c.org_id = i.org_id AND c.id = i.contact_id
                         WHERE i.org_id = ? AND i.campaign_id = ANY (?) AND """ + " " + items.sql() + " GROUP BY i.campaign_id")
                .params(params)
                .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), counts(rs, 2)))
                .list();
        return counts;
    }

    /** Per current owner, the counts of a campaign's items whose contacts {@code items} admits, by name. */
    List<MemberProgress> progress(UUID orgId, UUID campaignId, SqlFragment items) {
        List<Object> params = new ArrayList<>(List.of(orgId, campaignId));
        params.addAll(items.params());
        return jdbc.sql("SELECT c.owner_id, min(m.display_name), " + COUNTS + "\n" + """
                         FROM review_campaign_item i JOIN contact c ON c.org_id = i.org_id AND c.id = i.contact_id
                         LEFT JOIN member m ON m.org_id = c.org_id AND m.id = c.owner_id
                         WHERE i.org_id = ? AND i.campaign_id = ? AND """ + " " + items.sql()
                        + " GROUP BY c.owner_id ORDER BY min(m.display_name), c.owner_id")
                .params(params)
                .query((rs, n) ->
                        new MemberProgress(rs.getObject(1, UUID.class), String.valueOf(rs.getString(2)), counts(rs, 3)))
                .list();
    }

    /** A page of a campaign's items whose contacts {@code items} admits, in their order, after position {@code after}. */
    List<CampaignItem> items(UUID orgId, UUID campaignId, SqlFragment items, int after, int limit) {
        List<Object> params = new ArrayList<>(List.of(orgId, campaignId));
        params.addAll(items.params());
        params.add(after);
        params.add(limit);
        return jdbc.sql("""
                        SELECT i.position, i.id, i.contact_id, c.name, c.trashed_at IS NOT NULL, c.owner_id,
                               om.display_name, i.action, i.acted_by, am.display_name, i.acted_at
                          FROM review_campaign_item i JOIN contact c ON c.org_id = i.org_id AND c.id = i.contact_id
                          LEFT JOIN member om ON om.org_id = c.org_id AND om.id = c.owner_id
                          LEFT JOIN member am ON am.org_id = i.org_id AND am.id = i.acted_by
                         WHERE i.org_id = ? AND i.campaign_id = ? AND """ + " " + items.sql() + " AND i.position > ? ORDER BY i.position LIMIT ?")
                .params(params)
                .query((rs, n) -> new CampaignItem(
                        rs.getInt(1),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getObject(6, UUID.class),
                        String.valueOf(rs.getString(7)),
                        rs.getString(8),
                        rs.getObject(9, UUID.class),
                        rs.getString(10),
                        rs.getObject(11, OffsetDateTime.class)))
                .list();
    }

    /** Records {@code action} on the items, by {@code memberId}, now. */
    void act(UUID orgId, UUID campaignId, List<UUID> itemIds, String action, @Nullable UUID memberId) {
        jdbc.sql("""
                        UPDATE review_campaign_item SET action = ?, acted_by = ?, acted_at = now()
                         WHERE org_id = ? AND campaign_id = ? AND id = ANY (?)
                        """)
                .params(action, memberId, orgId, campaignId, itemIds.toArray(UUID[]::new))
                .update();
    }

    /** Marks the pending items of a contact in open campaigns updated; how many. */
    /** Marks the contact's pending items of open campaigns with {@code action} (update or trash), done by the member. */
    int markPending(UUID orgId, UUID contactId, @Nullable UUID memberId, String action) {
        return jdbc.sql("""
                        UPDATE review_campaign_item i SET action = ?, acted_by = m.id, acted_at = now()
                          FROM review_campaign rc LEFT JOIN member m ON m.org_id = rc.org_id AND m.id = ?
                         WHERE i.org_id = ? AND i.contact_id = ? AND i.action IS NULL
                           AND rc.org_id = i.org_id AND rc.id = i.campaign_id AND rc.status = 'open'
                        """).params(action, memberId, orgId, contactId).update();
    }

    /** Closes the campaign if it is open; whether it was. */
    boolean close(UUID orgId, UUID id, @Nullable UUID memberId, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE review_campaign SET status = 'closed', closed_at = ?, closed_by = ?
                         WHERE org_id = ? AND id = ? AND status = 'open'
                        """).params(at, memberId, orgId, id).update() == 1;
    }

    private static final String SELECT = """
            SELECT rc.id, rc.name, rc.note, rc.filter, rc.started_by, m.display_name, rc.started_at, rc.deadline,
                   rc.status, rc.closed_at, rc.closed_by
              FROM review_campaign rc LEFT JOIN member m ON m.org_id = rc.org_id AND m.id = rc.started_by
            """;

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                json.readValue(rs.getString(4), ContactFilter.class),
                rs.getObject(5, UUID.class),
                String.valueOf(rs.getString(6)),
                rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class),
                rs.getString(9),
                rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, UUID.class));
    }

    private static Campaign.Counts counts(ResultSet rs, int from) throws SQLException {
        return new Campaign.Counts(
                rs.getInt(from), rs.getInt(from + 1), rs.getInt(from + 2), rs.getInt(from + 3), rs.getInt(from + 4));
    }
}
