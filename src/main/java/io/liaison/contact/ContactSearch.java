package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactAction;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.PhoneNumbers;
import io.liaison.shared.SearchText;
import io.liaison.shared.SqlFragment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search by {@code q}, best matches first: exact name, name prefix, pinyin prefix, initials
 * prefix, name substring (all from {@code contact_search} in one index range, already in that
 * order), then matches in company, remark, mobile and e-mail; ties go to the most recently
 * contacted. A page continues after the tier, recency and id of the last row of the one before.
 *
 * <p>Where the actor sees a contact's details masked, a fragment of its mobile or e-mail must not
 * find it, or typing digits one by one would reveal the number: there only the complete mobile
 * number or e-mail address matches.
 */
@Component
class ContactSearch {

    /** Candidates of a company or remark word past which it counts as common. */
    static final int COMMON = 2_000;

    private final JdbcClient jdbc;
    private final ContactAccess access;
    private final ContactReferences references;

    ContactSearch(JdbcClient jdbc, ContactAccess access, ContactReferences references) {
        this.jdbc = jdbc;
        this.access = access;
        this.references = references;
    }

    /** A contact found, where it ranks. */
    record Hit(UUID id, int tier, long recency) {

        String cursor() {
            return CursorPage.encode("search", String.valueOf(tier), String.valueOf(recency), id.toString());
        }

        static @Nullable Hit ofCursor(@Nullable String cursor) {
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
            throw LiaisonException.invalid("cursor", "is not a cursor of this search");
        }
    }

    /**
     * Up to {@code limit} hits after {@code after}, among the live contacts that pass {@code
     * filters} (over alias {@code c}, null for none) besides the query.
     */
    List<Hit> hits(Actor actor, String q, @Nullable SqlFragment filters, @Nullable Hit after, int limit) {
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
    int count(Actor actor, String q, @Nullable SqlFragment filters, int bound) {
        String key = SearchText.normalize(q);
        int found = 0;
        if (!key.isEmpty()) {
            SqlFragment byKey = keyCondition(actor, key, filters);
            found = bounded("SELECT 1 FROM contact_search k WHERE " + byKey.sql(), byKey.params(), bound + 1);
        }
        if (found <= bound) {
            SqlFragment other = otherCondition(actor, otherMatch(actor, q), key, filters);
            found += bounded("SELECT 1 FROM contact c WHERE " + other.sql(), other.params(), bound + 1 - found);
        }
        return found;
    }

    /**
     * The query as a condition over a contact row {@code c}, for a search in another order than
     * ranking: any of the matches above.
     */
    SqlFragment matching(Actor actor, String q) {
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
     * query (so that the database may walk the recency index for a common word, or use the grams
     * index for a rare one), merged here.
     */
    private List<Hit> byOtherFields(
            Actor actor, String q, String key, @Nullable SqlFragment filters, @Nullable Hit after, int limit) {
        List<Hit> merged = new ArrayList<>();
        SqlFragment text = textMatch("c", q);
        if (text != null) {
            SqlFragment match = common(actor, q) ? text : candidates(actor, Objects.requireNonNull(textMatch("c2", q)));
            merged.addAll(otherHits(otherCondition(actor, match, key, filters), after, limit));
        }
        merged.addAll(otherHits(otherCondition(actor, contactMatch(actor, q), key, filters), after, limit));
        return merged.stream()
                .sorted(Comparator.comparingLong(Hit::recency).thenComparing(Hit::id))
                .distinct()
                .limit(limit)
                .toList();
    }

    private List<Hit> otherHits(SqlFragment where, @Nullable Hit after, int limit) {
        List<Object> params = new ArrayList<>(where.params());
        String sql = "SELECT c.id, " + SearchText.OTHER
                + " AS tier, contact_recency(c.last_contacted_at) AS recency FROM contact c WHERE " + where.sql();
        if (after != null) {
            sql += " AND (contact_recency(c.last_contacted_at), c.id) > (?, ?)";
            params.addAll(List.of(after.recency(), after.id()));
        }
        params.add(limit);
        return jdbc.sql(sql + " ORDER BY contact_recency(c.last_contacted_at), c.id LIMIT ?")
                .params(params)
                .query(Hit.class)
                .list();
    }

    /** Live contacts the actor sees that {@code match} and that the name keys do not find. */
    private SqlFragment otherCondition(Actor actor, SqlFragment match, String key, @Nullable SqlFragment filters) {
        SqlFragment where = access.visible(actor, "c")
                .and(SqlFragment.of("c.trashed_at IS NULL"))
                .and(match);
        if (!key.isEmpty()) {
            where = where.and(SqlFragment.of(
                    "NOT EXISTS (SELECT 1 FROM contact_search k WHERE k.org_id = c.org_id AND k.contact_id = c.id"
                            + " AND k.key = ?)",
                    key));
        }
        return filters == null ? where : where.and(filters);
    }

    /**
     * Is the company or remark word on so many contacts the actor sees that walking them in
     * recency order finds a page sooner than sorting all of them? Counted, because the planner's
     * estimate of a rare pair of characters can be wrong a thousandfold, and a wrong walk reads
     * the whole table.
     */
    private boolean common(Actor actor, String q) {
        SqlFragment where = access.visible(actor, "c2")
                .and(SqlFragment.of("c2.trashed_at IS NULL AND c2.search_grams @> ?::text[]", (Object)
                        SearchText.grams(SearchText.flat(q)).toArray(String[]::new)));
        return bounded("SELECT 1 FROM contact c2 WHERE " + where.sql(), where.params(), COMMON) >= COMMON;
    }

    /** The text match as a list of ids fetched once through the grams index: for a rare word. */
    private SqlFragment candidates(Actor actor, SqlFragment text) {
        SqlFragment where = access.visible(actor, "c2")
                .and(SqlFragment.of("c2.trashed_at IS NULL"))
                .and(text);
        return new SqlFragment(
                "c.id = ANY (ARRAY(SELECT c2.id FROM contact c2 WHERE " + where.sql() + "))", where.params());
    }

    /** Any match in another field than the name. */
    private SqlFragment otherMatch(Actor actor, String q) {
        SqlFragment text = textMatch("c", q);
        SqlFragment contact = contactMatch(actor, q);
        return text == null ? contact : text.or(contact);
    }

    /** Company or remark containing the query: every gram of it, then the substring itself. */
    private static @Nullable SqlFragment textMatch(String alias, String q) {
        String flat = SearchText.flat(q);
        if (flat.isEmpty()) {
            return null;
        }
        String lower = q.strip().toLowerCase(Locale.ROOT);
        return SqlFragment.of(
                alias + ".search_grams @> ?::text[] AND (strpos(lower(" + alias + ".company), ?) > 0"
                        + " OR strpos(lower(" + alias + ".remark), ?) > 0)",
                SearchText.grams(flat).toArray(String[]::new),
                lower,
                lower);
    }

    /**
     * A mobile containing the query's digits (four or more) or an e-mail starting with it, where
     * the actor sees them in full; the complete number or address anywhere. One list of candidate
     * ids, each found by its field's index.
     */
    private SqlFragment contactMatch(Actor actor, String q) {
        List<SqlFragment> arms = new ArrayList<>();
        String lower = q.strip().toLowerCase(Locale.ROOT);
        SqlFragment inFull = access.seenInFull(actor, "c2");
        String digits = PhoneNumbers.digits(q);
        if (digits.length() >= 4) {
            arms.add(SqlFragment.of(
                            "SELECT c2.id FROM contact c2 WHERE c2.org_id = ? AND c2.trashed_at IS NULL"
                                    + " AND c2.mobile_grams @> ?::text[] AND strpos(c2.mobile, ?) > 0 AND ",
                            actor.orgId(),
                            SearchText.digitGrams(digits).toArray(String[]::new),
                            digits)
                    .append("", inFull, ""));
            var complete = PhoneNumbers.normalize(q, references.phoneRegion(actor.orgId()));
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
                .append("", inFull, ""));
        arms.add(SqlFragment.of(
                "SELECT e.contact_id FROM contact_email e WHERE e.org_id = ? AND e.address = ?", actor.orgId(), lower));
        StringBuilder sql = new StringBuilder("c.id IN (");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append(arms.get(i).sql());
            params.addAll(arms.get(i).params());
        }
        return new SqlFragment(sql.append(")").toString(), params);
    }

    private int bounded(String select, List<Object> params, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        return jdbc.sql("SELECT count(*) FROM (" + select + " LIMIT ?) t")
                .params(all)
                .query(Integer.class)
                .single();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
