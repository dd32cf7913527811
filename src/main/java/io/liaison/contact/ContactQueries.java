package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.contact.field.CustomFieldValues;
import io.liaison.contact.search.ContactSearch;
import io.liaison.contact.search.SearchText;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lists and counts of contacts: the filters of API.md and the actor's visibility, in SQL. */
@Component
class ContactQueries {

    static final int COUNT_BOUND = 10_000;

    private final JdbcClient jdbc;
    private final ContactRepository contacts;
    private final ContactAccess access;
    private final ContactSearch search;
    private final CustomFieldValues fields;

    ContactQueries(
            JdbcClient jdbc,
            ContactRepository contacts,
            ContactAccess access,
            ContactSearch search,
            CustomFieldValues fields) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.access = access;
        this.search = search;
        this.fields = fields;
    }

    /**
     * A page of the list. With a query and no explicit sort order ({@code sort} null), the best
     * matches come first; otherwise the list is in {@code sort} order (updated most recently first
     * by default).
     */
    CursorPage<Contact> list(
            Actor actor, ContactFilter filter, @Nullable ContactSort sort, @Nullable String cursor, int limit) {
        if (searching(filter) && sort == null) {
            List<ContactSearch.Hit> hits = search.hits(
                    actor, filter.q(), filters(actor, filter), ContactSearch.Hit.ofCursor(cursor), limit + 1);
            List<Contact> rows = contacts.byIds(
                    actor.orgId(), hits.stream().map(ContactSearch.Hit::id).toList());
            if (hits.size() <= limit) {
                return new CursorPage<>(rows, null);
            }
            return new CursorPage<>(
                    List.copyOf(rows.subList(0, limit)), hits.get(limit - 1).cursor());
        }
        ContactSort order = sort == null ? ContactSort.DEFAULT : sort;
        SqlFragment rest = rest(actor, filter);
        if (cursor != null && !cursor.isBlank()) {
            rest = rest.and(new SqlFragment(order.after(), List.of(order.decode(cursor))));
        }
        // One branch per reason to see a contact, each in list order up to a page, then the page of
        // their union: a member's own contacts are walked through the owner's index in list order.
        List<SqlFragment> parts = access.visibleParts(actor, "c");
        SqlFragment where;
        if (parts.size() == 1) {
            where = parts.get(0).and(rest);
        } else {
            List<SqlFragment> branches = new ArrayList<>();
            for (SqlFragment part : parts) {
                SqlFragment branch = part.and(rest);
                List<Object> params = new ArrayList<>(branch.params());
                params.add(limit + 1);
                branches.add(new SqlFragment(
                        "(SELECT c.id FROM contact c WHERE " + branch.sql() + " " + order.orderBy() + " LIMIT ?)",
                        params));
            }
            where = SqlFragment.of("c.org_id = ?", actor.orgId())
                    .append(" AND c.id IN ", SqlFragment.unionAll(branches), "");
        }
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit + 1);
        // The ids first, then their rows: so that the walk in list order may read the index alone.
        List<UUID> ids = jdbc.sql(
                        "SELECT c.id FROM contact c WHERE " + where.sql() + " " + order.orderBy() + " LIMIT ?")
                .params(params)
                .query(UUID.class)
                .list();
        List<Contact> rows = contacts.byIds(actor.orgId(), ids);
        List<Contact> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        if (ids.size() <= limit || page.isEmpty()) {
            return new CursorPage<>(page, null);
        }
        return new CursorPage<>(List.copyOf(page), order.cursorOf(page.get(page.size() - 1)));
    }

    /** The best {@code limit} matches of a query, for type-ahead. */
    List<Suggestion> suggest(Actor actor, String q, int limit) {
        List<ContactSearch.Hit> hits = search.hits(actor, q, null, null, limit);
        List<Contact> rows = contacts.byIds(
                actor.orgId(), hits.stream().map(ContactSearch.Hit::id).toList());
        List<Suggestion> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            result.add(new Suggestion(rows.get(i), hits.get(i).tier()));
        }
        return result;
    }

    /** A contact found while typing, and the tier of {@link SearchText} it matched at. */
    record Suggestion(Contact contact, int tier) {}

    /** Counts up to {@link #COUNT_BOUND}; past it the answer says it stopped there. */
    Count count(Actor actor, ContactFilter filter) {
        int n;
        if (searching(filter)) {
            n = search.count(actor, filter.q(), filters(actor, filter), COUNT_BOUND);
        } else {
            // One branch per reason to see a contact (they never overlap), each counted through its own index.
            SqlFragment rest = rest(actor, filter);
            SqlFragment branches = SqlFragment.unionAll(access.visibleParts(actor, "c").stream()
                    .map(part -> part.and(rest))
                    .map(branch -> new SqlFragment("SELECT 1 FROM contact c WHERE " + branch.sql(), branch.params()))
                    .toList());
            List<Object> params = new ArrayList<>(branches.params());
            params.add(COUNT_BOUND + 1);
            n = jdbc.sql("SELECT count(*) FROM (" + branches.sql() + " LIMIT ?) t")
                    .params(params)
                    .query(Integer.class)
                    .single();
        }
        return n > COUNT_BOUND ? new Count(COUNT_BOUND, false) : new Count(n, true);
    }

    /** A count of contacts; {@code exact} is false when counting stopped at the bound. */
    public record Count(int count, boolean exact) {}

    CursorPage<Contact> trash(Actor actor, @Nullable String cursor, int limit) {
        SqlFragment where = access.visible(actor, "c");
        List<Object> params = new ArrayList<>(where.params());
        String sql = where.sql() + " AND c.trashed_at IS NOT NULL AND c.merged_into IS NULL";
        UUID after = CursorPage.decode(cursor);
        if (after != null) {
            sql += " AND c.id < ?";
            params.add(after);
        }
        params.add(limit + 1);
        List<Contact> rows = contacts.query(sql, params, "ORDER BY c.id DESC LIMIT ?");
        return CursorPage.of(rows, limit, Contact::id);
    }

    private static boolean searching(ContactFilter f) {
        return f.q() != null && !f.q().isBlank();
    }

    /** What the list shows besides visibility: live contacts matching the query and the filters. */
    SqlFragment rest(Actor actor, ContactFilter f) {
        SqlFragment where = SqlFragment.of("c.trashed_at IS NULL");
        if (searching(f)) {
            where = where.and(search.matching(actor, f.q()));
        }
        SqlFragment filters = filters(actor, f);
        return filters == null ? where : where.and(filters);
    }

    /** The filters other than the query over contact row {@code c}; null when there are none. */
    private @Nullable SqlFragment filters(Actor actor, ContactFilter f) {
        SqlFragment where = SqlFragment.of("TRUE");
        boolean any = false;
        if (!f.tagIds().isEmpty()) {
            any = true;
            where = where.and(SqlFragment.of(f.allTags() ? "c.tag_ids @> ?::uuid[]" : "c.tag_ids && ?::uuid[]", (Object)
                    f.tagIds().toArray(UUID[]::new)));
        }
        if (f.ownerId() != null) {
            any = true;
            where = where.and(SqlFragment.of("c.owner_id = ?", f.ownerId()));
        }
        if (f.deptId() != null) {
            any = true;
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM member_department md WHERE md.org_id = c.org_id"
                            + " AND md.member_id = c.owner_id AND md.department_id = ?)",
                    f.deptId()));
        }
        if (f.company() != null && !f.company().isBlank()) {
            any = true;
            where = where.and(SqlFragment.of(
                    "c.company ILIKE ?", "%" + ContactSearch.escape(f.company().trim()) + "%"));
        }
        if (f.source() != null) {
            any = true;
            where = where.and(SqlFragment.of("c.source = ?", f.source()));
        }
        if (f.createdAfter() != null) {
            any = true;
            where = where.and(SqlFragment.of("c.created_at > ?", f.createdAfter()));
        }
        if (f.updatedAfter() != null) {
            any = true;
            where = where.and(SqlFragment.of("c.updated_at > ?", f.updatedAfter()));
        }
        if (f.lastContactedBefore() != null) {
            any = true;
            where = where.and(SqlFragment.of(
                    "(c.last_contacted_at IS NULL OR c.last_contacted_at < ?)", f.lastContactedBefore()));
        }
        if (f.lastContactedAfter() != null) {
            any = true;
            where = where.and(SqlFragment.of("c.last_contacted_at > ?", f.lastContactedAfter()));
        }
        if (!f.customFields().isEmpty()) {
            any = true;
            where = where.and(customValues(actor, f.customFields()));
        }
        if (f.externalId() != null) {
            int colon = f.externalId().indexOf(':');
            if (colon < 1) {
                throw LiaisonException.invalid("externalId", "invalid.external-id-filter");
            }
            any = true;
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM contact_external_id x WHERE x.org_id = c.org_id AND x.contact_id = c.id"
                            + " AND x.source = ? AND x.external_id = ?)",
                    f.externalId().substring(0, colon),
                    f.externalId().substring(colon + 1)));
        }
        return any ? where : null;
    }

    /**
     * Each custom value as a containment of {@code custom_fields}, typed as the field stores it: a
     * number as a number, a multiselect's option as one of its list. An unknown key or a value that is
     * not the field's number is a 400 naming {@code customFields.<key>}.
     */
    private SqlFragment customValues(Actor actor, Map<String, String> values) {
        Map<String, CustomField> definitions = fields.definitions(actor.orgId());
        SqlFragment where = SqlFragment.of("TRUE");
        for (Map.Entry<String, String> entry : values.entrySet()) {
            CustomField field = definitions.get(entry.getKey());
            String name = "customFields." + entry.getKey();
            if (field == null) {
                throw LiaisonException.invalid(name, "invalid.unknown-custom-field");
            }
            String value = entry.getValue();
            where = where.and(
                    switch (field.type()) {
                        case CustomField.NUMBER ->
                            SqlFragment.of(
                                    "c.custom_fields @> jsonb_build_object(?::text, ?::numeric)",
                                    field.key(),
                                    number(name, value));
                        case CustomField.MULTISELECT ->
                            SqlFragment.of(
                                    "c.custom_fields @> jsonb_build_object(?::text, jsonb_build_array(?::text))",
                                    field.key(),
                                    value);
                        default ->
                            SqlFragment.of(
                                    "c.custom_fields @> jsonb_build_object(?::text, ?::text)", field.key(), value);
                    });
        }
        return where;
    }

    private static BigDecimal number(String name, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw LiaisonException.invalid(name, "invalid.number");
        }
    }
}
