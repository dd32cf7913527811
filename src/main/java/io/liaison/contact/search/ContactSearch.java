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
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * <p>Where the actor sees a contact's details masked and may not reveal them, a fragment of its
 * mobile or e-mail must not find it, or typing digits one by one would reveal the number: there
 * only the complete mobile number or e-mail address matches ({@link ContactAccess#findableByFragment}).
 */
@Component
public class ContactSearch {

    /** The greatest code point: a string that starts with a prefix sorts before the prefix followed by it. */
    private static final String LAST_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final JdbcClient jdbc;
    private final ContactAccess access;
    private final WordKeys wordKeys;

    ContactSearch(JdbcClient jdbc, ContactAccess access, WordKeys wordKeys) {
        this.jdbc = jdbc;
        this.access = access;
        this.wordKeys = wordKeys;
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
     * Matches in company or remark, in phone numbers and in e-mail, each in recency order by its own
     * query, merged here. A company or remark word walks the word keys of its rarest character pair
     * in recency order, checking the word on each contact; a phone fragment walks the key of its
     * first six digits. Both walk one branch per reason the actor sees a contact, so that a member's
     * own contacts come from the key's entries of that owner alone: either walk stops after a page.
     * A complete number and e-mails are looked up by their own indexes.
     */
    private List<Hit> byOtherFields(
            Actor actor, String q, String key, @Nullable SqlFragment filters, @Nullable Hit after, int limit) {
        SqlFragment rest = otherCondition(actor, SqlFragment.of("TRUE"), key, filters);
        List<SqlFragment> walks = new ArrayList<>();
        Set<String> grams = SearchText.grams(SearchText.flat(q));
        if (!grams.isEmpty()) {
            SqlFragment check = textMatch(q).and(rest);
            walks.addAll(wordWalks(actor, wordKeys.rarest(grams), check, check, false, after, limit));
        }
        String digits = PhoneNumbers.digits(q);
        if (digits.length() >= SearchText.MIN_DIGITS) {
            SqlFragment full = phoneMatch("c", digits).and(rest);
            SqlFragment check = digits.length() > SearchText.MAX_DIGITS ? full : rest;
            walks.addAll(wordWalks(actor, SearchText.phoneKey(digits), check, full, true, after, limit));
        }
        List<Hit> merged = new ArrayList<>(ranked(walks, limit));
        SqlFragment visible = access.visible(actor, "c");
        SqlFragment complete = completeMatch(actor, q);
        if (complete != null) {
            merged.addAll(otherHits(List.of(visible.and(otherCondition(actor, complete, key, filters))), after, limit));
        }
        return merged.stream()
                .sorted(Comparator.comparingLong(Hit::recency).thenComparing(Hit::id))
                .distinct()
                .limit(limit)
                .toList();
    }

    /**
     * One walk of the word key {@code word} in recency order per reason the actor sees a contact,
     * each up to {@code limit} contacts that meet {@code check} (over row {@code c}); a phone key
     * ({@code fragment}) only where the actor may find a contact by a fragment.
     *
     * <p>The contacts of a collaboration or a share are a list of ids: those are read by id and
     * checked by {@code rowCheck} (the whole match, without the key), not by a walk of the key. A
     * prepared statement's generic plan cannot tell a rare key from a common one, and walked the
     * whole key for each such list (33,069 entries for a company word at 10^6 contacts, three times).
     */
    private List<SqlFragment> wordWalks(
            Actor actor,
            String word,
            SqlFragment check,
            SqlFragment rowCheck,
            boolean fragment,
            @Nullable Hit after,
            int limit) {
        List<ContactAccess.VisiblePart> parts = actor.dataScope() == DataScope.ALL
                ? List.of(new ContactAccess.VisiblePart(
                        access.allows(actor, ContactAction.SEE, "w", "w.contact_id"), false))
                : access.visiblePartsByKind(actor, "w", "w.contact_id");
        List<ContactAccess.VisiblePart> rows =
                actor.dataScope() == DataScope.ALL ? List.of() : access.visiblePartsByKind(actor, "c", "c.id");
        List<SqlFragment> walks = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).byIds()) {
                SqlFragment byIds = rows.get(i).condition().and(rowCheck);
                walks.add(rowWalk(fragment ? byIds.and(access.findableByFragment(actor, "c")) : byIds, after, limit));
                continue;
            }
            SqlFragment where = parts.get(i).condition().and(SqlFragment.of("w.key = ?", word));
            if (fragment) {
                where = where.and(access.findableByFragment(actor, "w"));
            }
            if (after != null) {
                where = where.and(SqlFragment.of("(w.recency, w.contact_id) > (?, ?)", after.recency(), after.id()));
            }
            where = where.and(check);
            List<Object> params = new ArrayList<>(where.params());
            params.add(limit);
            walks.add(new SqlFragment(
                    "(SELECT w.contact_id AS id, w.recency FROM contact_word w"
                            + " JOIN contact c ON c.org_id = w.org_id AND c.id = w.contact_id WHERE " + where.sql()
                            + " ORDER BY w.recency, w.contact_id LIMIT ?)",
                    params));
        }
        return walks;
    }

    /**
     * The first {@code limit} contacts that meet any of {@code branches} (one per reason the actor
     * sees them, each free to use its own index) in recency order.
     */
    private List<Hit> otherHits(List<SqlFragment> branches, @Nullable Hit after, int limit) {
        return ranked(branches.stream().map(b -> rowWalk(b, after, limit)).toList(), limit);
    }

    /** The first {@code limit} contact rows {@code c} after {@code after} that meet {@code where}, in recency order. */
    private static SqlFragment rowWalk(SqlFragment where, @Nullable Hit after, int limit) {
        if (after != null) {
            where = where.and(SqlFragment.of(
                    "(contact_recency(c.last_contacted_at), c.id) > (?, ?)", after.recency(), after.id()));
        }
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return new SqlFragment(
                "(SELECT c.id, contact_recency(c.last_contacted_at) AS recency FROM contact c WHERE " + where.sql()
                        + " ORDER BY contact_recency(c.last_contacted_at), c.id LIMIT ?)",
                params);
    }

    /** The first {@code limit} of the union of {@code selects} of (id, recency), in recency order. */
    private List<Hit> ranked(List<SqlFragment> selects, int limit) {
        if (selects.isEmpty()) {
            return List.of();
        }
        SqlFragment union = SqlFragment.unionAll(selects);
        List<Object> params = new ArrayList<>(union.params());
        params.add(limit);
        return jdbc.sql("SELECT DISTINCT id, " + SearchText.OTHER + " AS tier, recency FROM (" + union.sql()
                        + ") u ORDER BY recency, id LIMIT ?")
                .params(params)
                .query(Hit.class)
                .list();
    }

    /**
     * Live contacts that {@code match} and that the name keys do not find, over row {@code c}. An
     * anti-join, so that the planner may probe the walked rows' own keys when a page is wanted and
     * hash the name matches when many rows are counted: with {@code NOT IN} it could only hash
     * them, and chose to walk the whole organization's word key for a member's own contacts.
     */
    private SqlFragment otherCondition(Actor actor, SqlFragment match, String key, @Nullable SqlFragment filters) {
        SqlFragment where = SqlFragment.of("c.trashed_at IS NULL").and(match);
        if (!key.isEmpty()) {
            where = where.and(SqlFragment.of(
                    "NOT EXISTS (SELECT 1 FROM contact_search k"
                            + " WHERE k.org_id = ? AND k.key = ? AND k.contact_id = c.id)",
                    actor.orgId(),
                    key));
        }
        return filters == null ? where : where.and(filters);
    }

    /** Any match in another field than the name. */
    private SqlFragment otherMatch(Actor actor, String q) {
        Set<String> grams = SearchText.grams(SearchText.flat(q));
        SqlFragment contact = contactMatch(actor, q, true);
        if (grams.isEmpty()) {
            return contact;
        }
        SqlFragment byGrams = SqlFragment.of("c.search_grams @> ?::text[]", (Object) grams.toArray(String[]::new));
        return byGrams.and(textMatch(q)).or(contact);
    }

    /** Company or remark of the contact row {@code c} containing the query. */
    private static SqlFragment textMatch(String q) {
        String lower = q.strip().toLowerCase(Locale.ROOT);
        return SqlFragment.of("(strpos(lower(c.company), ?) > 0 OR strpos(lower(c.remark), ?) > 0)", lower, lower);
    }

    /** The mobile or another phone number of the contact row {@code alias} containing these digits. */
    private static SqlFragment phoneMatch(String alias, String digits) {
        return SqlFragment.of(
                "(strpos(" + alias + ".mobile, ?) > 0 OR EXISTS (SELECT 1 FROM jsonb_array_elements(" + alias
                        + ".phones) p WHERE strpos(p ->> 'number', ?) > 0))",
                digits,
                digits);
    }

    /** A complete mobile number or e-mail address, or the start of an e-mail: see {@link #contactMatch}. */
    private SqlFragment completeMatch(Actor actor, String q) {
        return contactMatch(actor, q, false);
    }

    /**
     * A phone number containing the query's digits (four or more, with {@code fragments}) or an
     * e-mail starting with it, where the actor sees them in full or may reveal them; the complete
     * mobile number or address anywhere. One list of candidate ids, each found by its field's index.
     */
    private SqlFragment contactMatch(Actor actor, String q, boolean fragments) {
        List<SqlFragment> arms = new ArrayList<>();
        String lower = q.strip().toLowerCase(Locale.ROOT);
        SqlFragment byFragment = access.findableByFragment(actor, "c2");
        String digits = PhoneNumbers.digits(q);
        if (digits.length() >= SearchText.MIN_DIGITS) {
            if (fragments) {
                SqlFragment arm = SqlFragment.of(
                                "SELECT w.contact_id FROM contact_word w JOIN contact c2 ON c2.org_id = w.org_id"
                                        + " AND c2.id = w.contact_id WHERE w.org_id = ? AND w.key = ?",
                                actor.orgId(),
                                SearchText.phoneKey(digits))
                        .append(" AND ", byFragment, "");
                arms.add(
                        digits.length() > SearchText.MAX_DIGITS
                                ? arm.append(" AND ", phoneMatch("c2", digits), "")
                                : arm);
            }
            var complete = PhoneNumbers.normalize(q, phoneRegion(actor.orgId()));
            if (complete.isPresent()) {
                arms.add(SqlFragment.of(
                        "SELECT c2.id FROM contact c2 WHERE c2.org_id = ? AND c2.trashed_at IS NULL AND c2.mobile = ?",
                        actor.orgId(),
                        complete.get()));
            }
        }
        // The start of an address as a range of the prefix index besides the LIKE: a prepared statement's
        // generic plan cannot read a prefix out of a LIKE parameter, and scanned every e-mail of the
        // database instead (5,452 buffers, 50-80 ms a search at 10^6 contacts).
        arms.add(SqlFragment.of(
                        "SELECT c2.id FROM contact c2 JOIN contact_email e ON e.org_id = c2.org_id AND e.contact_id = c2.id"
                                + " WHERE c2.org_id = ? AND e.address COLLATE \"C\" >= ? AND e.address COLLATE \"C\" < ?"
                                + " AND e.address COLLATE \"C\" LIKE ? AND ",
                        actor.orgId(),
                        lower,
                        lower + LAST_CHARACTER,
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
