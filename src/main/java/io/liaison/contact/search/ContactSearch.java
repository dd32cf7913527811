package io.liaison.contact.search;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactAction;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.PhoneNumbers;
import io.liaison.shared.SqlFragment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search by {@code q}, best matches first: exact name, name prefix, pinyin prefix, initials
 * prefix, name substring (all from {@code contact_search} in one index range, already in that
 * order), then matches in company, remark, mobile and e-mail; ties go to the most recently
 * contacted. A page continues after the tier, recency and id of the last row of the one before.
 *
 * <p>Where the actor sees a contact's details masked and may not reveal them, a fragment of its
 * mobile or e-mail must not find it, or typing digits one by one would reveal the number: there
 * only the complete mobile number or e-mail address matches ({@link ContactAccess#findableByFragment}).
 */
@Component
public class ContactSearch {

    /** Candidates of a company or remark word past which it counts as common. */
    static final int COMMON = 2_000;

    /** How long the statistics of the pairs are kept at most, in nanoseconds. */
    private static final long STATISTICS_AGE = TimeUnit.MINUTES.toNanos(10);

    private final JdbcClient jdbc;
    private final ContactAccess access;
    private volatile @Nullable GramStatistics statistics;

    ContactSearch(JdbcClient jdbc, ContactAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** A contact found, where it ranks. */
    public record Hit(UUID id, int tier, long recency) {

        public String cursor() {
            return CursorPage.encode("search", String.valueOf(tier), String.valueOf(recency), id.toString());
        }

        public static @Nullable Hit ofCursor(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            List<String> parts = CursorPage.parts(cursor, 4);
            try {
                if (!parts.isEmpty() && parts.get(0).equals("search")) {
                    return new Hit(
                            UUID.fromString(parts.get(3)),
                            Integer.parseInt(parts.get(1)),
                            Long.parseLong(parts.get(2)));
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
            throw LiaisonException.invalid("cursor", "invalid.cursor");
        }
    }

    /**
     * Up to {@code limit} hits after {@code after}, among the live contacts that pass {@code
     * filters} (over alias {@code c}, null for none) besides the query.
     */
    public List<Hit> hits(Actor actor, String q, @Nullable SqlFragment filters, @Nullable Hit after, int limit) {
        String key = SearchText.normalize(q);
        List<Hit> hits = new ArrayList<>();
        if (!key.isEmpty() && (after == null || after.tier() < SearchText.OTHER)) {
            hits.addAll(byKey(actor, key, filters, after, limit));
        }
        if (hits.size() < limit) {
            Hit from = after != null && after.tier() == SearchText.OTHER ? after : null;
            hits.addAll(byOtherFields(actor, q, key, filters, from, limit - hits.size()));
        }
        return hits;
    }

    /** How many live contacts passing {@code filters} the query finds, counting at most {@code bound + 1}. */
    public int count(Actor actor, String q, @Nullable SqlFragment filters, int bound) {
        String key = SearchText.normalize(q);
        int found = 0;
        if (!key.isEmpty()) {
            SqlFragment byKey = keyCondition(actor, key, filters);
            found = bounded("SELECT 1 FROM contact_search k WHERE " + byKey.sql(), byKey.params(), bound + 1);
        }
        if (found <= bound) {
            SqlFragment other =
                    access.visible(actor, "c").and(otherCondition(actor, otherMatch(actor, q), key, filters));
            found += bounded("SELECT 1 FROM contact c WHERE " + other.sql(), other.params(), bound + 1 - found);
        }
        return found;
    }

    /**
     * The query as a condition over a contact row {@code c}, for a search in another order than
     * ranking: any of the matches above.
     */
    public SqlFragment matching(Actor actor, String q) {
        String key = SearchText.normalize(q);
        SqlFragment other = otherMatch(actor, q);
        if (key.isEmpty()) {
            return other;
        }
        return SqlFragment.of(
                        "c.id IN (SELECT k.contact_id FROM contact_search k WHERE k.org_id = ? AND k.key = ?)",
                        actor.orgId(),
                        key)
                .or(other);
    }

    private List<Hit> byKey(Actor actor, String key, @Nullable SqlFragment filters, @Nullable Hit after, int limit) {
        SqlFragment where = keyCondition(actor, key, filters);
        List<Object> params = new ArrayList<>(where.params());
        String sql = "SELECT k.contact_id AS id, k.tier, k.recency FROM contact_search k WHERE " + where.sql();
        if (after != null) {
            sql += " AND (k.tier, k.recency, k.contact_id) > (?, ?, ?)";
            params.addAll(List.of(after.tier(), after.recency(), after.id()));
        }
        params.add(limit);
        return jdbc.sql(sql + " ORDER BY k.tier, k.recency, k.contact_id LIMIT ?")
                .params(params)
                .query(Hit.class)
                .list();
    }

    private SqlFragment keyCondition(Actor actor, String key, @Nullable SqlFragment filters) {
        SqlFragment where =
                access.allows(actor, ContactAction.SEE, "k", "k.contact_id").and(SqlFragment.of("k.key = ?", key));
        return filters == null
                ? where
                : where.and(new SqlFragment(
                        "EXISTS (SELECT 1 FROM contact c WHERE c.org_id = k.org_id AND c.id = k.contact_id AND "
                                + filters.sql() + ")",
                        filters.params()));
    }

    /**
     * Matches in company or remark, and in mobile or e-mail, each in recency order by its own
     * query, merged here. A company or remark word on many contacts is found by walking the
     * recency index for an actor who sees the whole organization, and within each reason to see
     * for others (a member's own contacts through the owner's index); a rare word, like mobile
     * and e-mail matches, by the list of the few contacts that have it.
     */
    private List<Hit> byOtherFields(
            Actor actor, String q, String key, @Nullable SqlFragment filters, @Nullable Hit after, int limit) {
        SqlFragment visible = access.visible(actor, "c");
        List<Hit> merged = new ArrayList<>();
        Set<String> grams = SearchText.grams(SearchText.flat(q));
        if (!grams.isEmpty()) {
            String common = commonGram(grams);
            List<SqlFragment> branches = new ArrayList<>();
            if (common == null) {
                SqlFragment organization = SqlFragment.of("c2.org_id = ?", actor.orgId());
                branches.add(visible.and(
                        otherCondition(actor, candidates(organization, textMatch("c2", q, grams)), key, filters)));
            } else if (actor.dataScope() == DataScope.ALL) {
                branches.add(visible.and(otherCondition(actor, textMatch("c", q, Set.of(common)), key, filters)));
            } else {
                List<SqlFragment> parts = access.visibleParts(actor, "c");
                List<SqlFragment> inner = access.visibleParts(actor, "c2");
                for (int i = 0; i < parts.size(); i++) {
                    SqlFragment match = candidates(inner.get(i), textMatch("c2", q, grams));
                    branches.add(parts.get(i).and(otherCondition(actor, match, key, filters)));
                }
            }
            merged.addAll(otherHits(branches, after, limit));
        }
        merged.addAll(otherHits(
                List.of(visible.and(otherCondition(actor, contactMatch(actor, q), key, filters))), after, limit));
        return merged.stream()
                .sorted(Comparator.comparingLong(Hit::recency).thenComparing(Hit::id))
                .distinct()
                .limit(limit)
                .toList();
    }

    /**
     * The first {@code limit} contacts that meet any of {@code branches} (one per reason the actor
     * sees them, each free to use its own index) in recency order.
     */
    private List<Hit> otherHits(List<SqlFragment> branches, @Nullable Hit after, int limit) {
        List<SqlFragment> selects = new ArrayList<>();
        for (SqlFragment branch : branches) {
            if (after != null) {
                branch = branch.and(SqlFragment.of(
                        "(contact_recency(c.last_contacted_at), c.id) > (?, ?)", after.recency(), after.id()));
            }
            List<Object> params = new ArrayList<>(branch.params());
            params.add(limit);
            selects.add(new SqlFragment(
                    "(SELECT c.id, contact_recency(c.last_contacted_at) AS recency FROM contact c WHERE " + branch.sql()
                            + " ORDER BY contact_recency(c.last_contacted_at), c.id LIMIT ?)",
                    params));
        }
        SqlFragment union = SqlFragment.unionAll(selects);
        List<Object> params = new ArrayList<>(union.params());
        params.add(limit);
        return jdbc.sql("SELECT id, " + SearchText.OTHER + " AS tier, recency FROM (" + union.sql()
                        + ") u ORDER BY recency, id LIMIT ?")
                .params(params)
                .query(Hit.class)
                .list();
    }

    /**
     * Live contacts that {@code match} and that the name keys do not find, over row {@code c}. The
     * name matches are excluded through one hashed list, not a lookup per row.
     */
    private SqlFragment otherCondition(Actor actor, SqlFragment match, String key, @Nullable SqlFragment filters) {
        SqlFragment where = SqlFragment.of("c.trashed_at IS NULL").and(match);
        if (!key.isEmpty()) {
            where = where.and(SqlFragment.of(
                    "c.id NOT IN (SELECT k.contact_id FROM contact_search k WHERE k.org_id = ? AND k.key = ?)",
                    actor.orgId(),
                    key));
        }
        return filters == null ? where : where.and(filters);
    }

    /**
     * The rarest character pair of a company or remark word, when even that is on so many contacts
     * that walking them in recency order finds a page sooner than sorting all of them; null when
     * the word may be rare. Judged by the statistics ANALYZE keeps of the pairs (their most common
     * elements), because the planner's guess for a pair missing there, or for several pairs
     * together, can be wrong a thousandfold, and a wrong walk reads the whole table; counting the
     * matches instead costs as much as the search. The walk then names that one pair, which the
     * planner estimates right, and checks the whole word on each row.
     */
    @Nullable
    String commonGram(Set<String> grams) {
        GramStatistics statistics = gramStatistics();
        String rarest = null;
        double fewest = Double.MAX_VALUE;
        for (String gram : grams) {
            double contacts = statistics.frequencies().getOrDefault(gram, 0.0) * statistics.rows();
            if (contacts < COMMON) {
                return null;
            }
            if (contacts < fewest) {
                fewest = contacts;
                rarest = gram;
            }
        }
        return rarest;
    }

    /** The share of contacts that have each of the commonest pairs, of {@code rows} contacts. */
    private record GramStatistics(double rows, Map<String, Double> frequencies, long readAt) {}

    /**
     * The statistics of the pairs, read again when ANALYZE has changed the table's row estimate or
     * after ten minutes: reading them costs a few milliseconds, checking the estimate a tenth of one.
     */
    private GramStatistics gramStatistics() {
        double rows = jdbc.sql("SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'contact'::regclass")
                .query(Double.class)
                .single();
        GramStatistics known = statistics;
        long now = System.nanoTime();
        if (known != null && known.rows() == rows && now - known.readAt() < STATISTICS_AGE) {
            return known;
        }
        Map<String, Double> frequencies = new HashMap<>();
        jdbc.sql("""
                        SELECT m.elem, m.freq FROM pg_stats s,
                               unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS m(elem, freq)
                         WHERE s.schemaname = current_schema() AND s.tablename = 'contact'
                           AND s.attname = 'search_grams' AND m.elem IS NOT NULL
                        """)
                .query((rs, n) -> frequencies.put(rs.getString(1), rs.getDouble(2)))
                .list();
        GramStatistics fresh = new GramStatistics(rows, Map.copyOf(frequencies), now);
        statistics = fresh;
        return fresh;
    }

    /** The text match as a list of ids fetched once through the grams index: for a rare word. */
    private static SqlFragment candidates(SqlFragment visible, SqlFragment text) {
        SqlFragment where = visible.and(SqlFragment.of("c2.trashed_at IS NULL")).and(text);
        return new SqlFragment(
                "c.id = ANY (ARRAY(SELECT c2.id FROM contact c2 WHERE " + where.sql() + "))", where.params());
    }

    /** Any match in another field than the name. */
    private SqlFragment otherMatch(Actor actor, String q) {
        Set<String> grams = SearchText.grams(SearchText.flat(q));
        SqlFragment contact = contactMatch(actor, q);
        return grams.isEmpty() ? contact : textMatch("c", q, grams).or(contact);
    }

    /** Company or remark containing the query: the given grams of it, then the substring itself. */
    private static SqlFragment textMatch(String alias, String q, Set<String> grams) {
        String lower = q.strip().toLowerCase(Locale.ROOT);
        return SqlFragment.of(
                alias + ".search_grams @> ?::text[] AND (strpos(lower(" + alias + ".company), ?) > 0"
                        + " OR strpos(lower(" + alias + ".remark), ?) > 0)",
                grams.toArray(String[]::new),
                lower,
                lower);
    }

    /**
     * A mobile containing the query's digits (four or more) or an e-mail starting with it, where
     * the actor sees them in full or may reveal them; the complete number or address anywhere. One list of candidate
     * ids, each found by its field's index.
     */
    private SqlFragment contactMatch(Actor actor, String q) {
        List<SqlFragment> arms = new ArrayList<>();
        String lower = q.strip().toLowerCase(Locale.ROOT);
        SqlFragment byFragment = access.findableByFragment(actor, "c2");
        String digits = PhoneNumbers.digits(q);
        if (digits.length() >= 4) {
            arms.add(SqlFragment.of(
                            "SELECT c2.id FROM contact c2 WHERE c2.org_id = ? AND c2.trashed_at IS NULL"
                                    + " AND c2.mobile_grams @> ?::text[] AND strpos(c2.mobile, ?) > 0 AND ",
                            actor.orgId(),
                            SearchText.digitGrams(digits).toArray(String[]::new),
                            digits)
                    .append("", byFragment, ""));
            var complete = PhoneNumbers.normalize(q, phoneRegion(actor.orgId()));
            if (complete.isPresent()) {
                arms.add(SqlFragment.of(
                        "SELECT c2.id FROM contact c2 WHERE c2.org_id = ? AND c2.trashed_at IS NULL AND c2.mobile = ?",
                        actor.orgId(),
                        complete.get()));
            }
        }
        arms.add(SqlFragment.of(
                        "SELECT c2.id FROM contact c2 JOIN contact_email e ON e.org_id = c2.org_id AND e.contact_id = c2.id"
                                + " WHERE c2.org_id = ? AND e.address COLLATE \"C\" LIKE ? AND ",
                        actor.orgId(),
                        escape(lower) + "%")
                .append("", byFragment, ""));
        arms.add(SqlFragment.of(
                "SELECT e.contact_id FROM contact_email e WHERE e.org_id = ? AND e.address = ?", actor.orgId(), lower));
        // Fetched once into a list of ids, which the planner takes for the short list it is: as
        // "IN (subquery)" it may instead walk the recency index to the end when nothing matches.
        SqlFragment union = SqlFragment.unionAll(arms);
        return new SqlFragment("c.id = ANY (ARRAY(" + union.sql() + "))", union.params());
    }

    private int bounded(String select, List<Object> params, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        return jdbc.sql("SELECT count(*) FROM (" + select + " LIMIT ?) t")
                .params(all)
                .query(Integer.class)
                .single();
    }

    /** The region a phone number without country code is read in, as the organization sets it. */
    private String phoneRegion(UUID orgId) {
        return jdbc.sql("SELECT phone_region FROM organization WHERE id = ?")
                .param(orgId)
                .query(String.class)
                .single();
    }

    /** The text as a LIKE pattern matches it literally. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
