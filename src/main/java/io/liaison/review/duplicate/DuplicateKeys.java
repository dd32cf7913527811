package io.liaison.review.duplicate;

import io.liaison.review.duplicate.LikelyMatches.Block;
import io.liaison.review.duplicate.LikelyMatches.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The blocking of duplicate detection, in SQL over an organization's live contacts: the exact keys
 * grouped by their value (a mobile or any phone number, an e-mail address lower-cased, an external
 * id), and the contacts streamed in blocks of one normalised company or one e-mail domain, for
 * {@link LikelyMatches} to compare within. Nothing compares all pairs.
 */
@Repository
class DuplicateKeys {

    /**
     * A key more contacts than this hold is not one person's (an office switchboard, info@, a shared
     * mailbox): its contacts are not paired by it.
     */
    static final int MAX_GROUP = 20;

    /** External ids shorter than this are counters that unrelated systems share, not identities. */
    static final int MIN_EXTERNAL_ID = 8;

    /** Addresses at these domains say nothing about who employs their owner. */
    static final Set<String> PUBLIC_DOMAINS = Set.of(
            "qq.com",
            "foxmail.com",
            "163.com",
            "126.com",
            "yeah.net",
            "sina.com",
            "sina.cn",
            "sohu.com",
            "139.com",
            "189.cn",
            "wo.cn",
            "aliyun.com",
            "tom.com",
            "21cn.com",
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "hotmail.com",
            "msn.com",
            "yahoo.com",
            "yahoo.com.cn",
            "icloud.com",
            "me.com",
            "mac.com",
            "aol.com",
            "proton.me",
            "protonmail.com",
            "gmx.com",
            "gmx.de",
            "mail.com",
            "yandex.com",
            "example.com");

    private static final String PAIRS = """
            SELECT x.a, y.b, g.value FROM g
              CROSS JOIN LATERAL unnest(g.ids) WITH ORDINALITY x (a, i)
              CROSS JOIN LATERAL unnest(g.ids) WITH ORDINALITY y (b, j)
             WHERE x.i < y.j
            """;

    private final JdbcTemplate jdbc;

    DuplicateKeys(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Blocks are streamed: the driver reads a large result in pieces only with a fetch size.
        this.jdbc.setFetchSize(5_000);
    }

    /** A pair that shares an exact key, {@code a} before {@code b}, with the shared value. */
    record Shared(UUID a, UUID b, String value) {}

    /** Contacts that share a mobile or phone number (stored in E.164, so formats do not matter). */
    List<Shared> sameNumber(UUID orgId) {
        return jdbc.query(
                """
                WITH n AS (
                    SELECT c.id, c.mobile AS value FROM contact c
                     WHERE c.org_id = ? AND c.trashed_at IS NULL AND c.mobile IS NOT NULL
                    UNION
                    SELECT c.id, p ->> 'number' FROM contact c CROSS JOIN LATERAL jsonb_array_elements(c.phones) p
                     WHERE c.org_id = ? AND c.trashed_at IS NULL AND c.phones <> '[]'::jsonb
                       AND p ->> 'number' IS NOT NULL
                ), g AS (
                    SELECT value, array_agg(id ORDER BY id) AS ids FROM n GROUP BY value
                    HAVING count(*) BETWEEN 2 AND ?
                )
                """ + PAIRS,
                (rs, n) -> new Shared(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)),
                orgId,
                orgId,
                MAX_GROUP);
    }

    /** Contacts that share an e-mail address, whatever its case. */
    List<Shared> sameEmail(UUID orgId) {
        return jdbc.query(
                """
                WITH n AS (
                    SELECT DISTINCT e.contact_id AS id, lower(e.address) AS value
                      FROM contact_email e JOIN contact c ON c.org_id = e.org_id AND c.id = e.contact_id
                     WHERE e.org_id = ? AND c.trashed_at IS NULL
                ), g AS (
                    SELECT value, array_agg(id ORDER BY id) AS ids FROM n GROUP BY value
                    HAVING count(*) BETWEEN 2 AND ?
                )
                """ + PAIRS,
                (rs, n) -> new Shared(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)),
                orgId,
                MAX_GROUP);
    }

    /**
     * Contacts that hold the same external id under different sources (one source holds an id once),
     * such as a CRM's id that two integrations each synced.
     */
    List<Shared> sameExternalId(UUID orgId) {
        return jdbc.query(
                """
                WITH n AS (
                    SELECT DISTINCT x.contact_id AS id, x.external_id AS value
                      FROM contact_external_id x JOIN contact c ON c.org_id = x.org_id AND c.id = x.contact_id
                     WHERE x.org_id = ? AND c.trashed_at IS NULL AND length(x.external_id) >= ?
                ), g AS (
                    SELECT value, array_agg(id ORDER BY id) AS ids FROM n GROUP BY value
                    HAVING count(*) BETWEEN 2 AND ?
                )
                """ + PAIRS,
                (rs, n) -> new Shared(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)),
                orgId,
                MIN_EXTERNAL_ID,
                MAX_GROUP);
    }

    /** What to do with each block of contacts. */
    interface BlockHandler {
        void block(Block block, List<Row> rows);
    }

    /**
     * Streams the live contacts with a company in blocks of one normalised company, then those with
     * an address at a domain that is not a public mail service in blocks of one domain.
     */
    void blocks(UUID orgId, BlockHandler handler) {
        stream(Block.COMPANY, """
                SELECT k.block, k.id, k.name, k.company FROM (
                    SELECT review_company_key(c.company) AS block, c.id, c.name, btrim(c.company) AS company FROM contact c
                     WHERE c.org_id = ? AND c.trashed_at IS NULL AND c.company IS NOT NULL) k
                 WHERE k.block <> '' ORDER BY k.block, k.id
                """, handler, orgId);
        stream(Block.DOMAIN, """
                SELECT DISTINCT d.block, d.id, d.name, d.block FROM (
                    SELECT split_part(lower(e.address), '@', 2) AS block, c.id, c.name
                      FROM contact_email e JOIN contact c ON c.org_id = e.org_id AND c.id = e.contact_id
                     WHERE e.org_id = ? AND c.trashed_at IS NULL) d
                 WHERE d.block <> '' AND d.block <> ALL (?) ORDER BY d.block, d.id
                """, handler, orgId, PUBLIC_DOMAINS.toArray(String[]::new));
    }

    private void stream(Block kind, String sql, BlockHandler handler, Object... params) {
        List<Row> rows = new ArrayList<>();
        String[] current = {null};
        jdbc.query(
                sql,
                rs -> {
                    String block = rs.getString(1);
                    if (!block.equals(current[0])) {
                        handler.block(kind, rows);
                        rows.clear();
                        current[0] = block;
                    }
                    rows.add(new Row(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
                },
                params);
        handler.block(kind, rows);
    }
}
