package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.PhoneNumbers;
import io.liaison.shared.SqlFragment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
    private final ContactReferences references;
    private final ContactAccess access;

    ContactQueries(JdbcClient jdbc, ContactRepository contacts, ContactReferences references, ContactAccess access) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.references = references;
        this.access = access;
    }

    CursorPage<Contact> list(Actor actor, ContactFilter filter, ContactSort sort, @Nullable String cursor, int limit) {
        SqlFragment where = where(actor, filter);
        List<Object> params = new ArrayList<>(where.params());
        String sql = where.sql();
        if (cursor != null && !cursor.isBlank()) {
            sql += " AND " + sort.after();
            params.addAll(List.of(sort.decode(cursor)));
        }
        params.add(limit + 1);
        List<Contact> rows = contacts.query(sql, params, sort.orderBy() + " LIMIT ?");
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<Contact> page = rows.subList(0, limit);
        return new CursorPage<>(List.copyOf(page), sort.cursorOf(page.get(limit - 1)));
    }

    /** Counts up to {@link #COUNT_BOUND}; past it the answer says it stopped there. */
    Count count(Actor actor, ContactFilter filter) {
        SqlFragment where = where(actor, filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(COUNT_BOUND + 1);
        int n = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM contact c WHERE " + where.sql() + " LIMIT ?) t")
                .params(params)
                .query(Integer.class)
                .single();
        return n > COUNT_BOUND ? new Count(COUNT_BOUND, false) : new Count(n, true);
    }

    /** A count of contacts; {@code exact} is false when counting stopped at the bound. */
    public record Count(int count, boolean exact) {}

    CursorPage<Contact> trash(Actor actor, @Nullable String cursor, int limit) {
        SqlFragment where = access.visible(actor, "c");
        List<Object> params = new ArrayList<>(where.params());
        String sql = where.sql() + " AND c.trashed_at IS NOT NULL";
        UUID after = CursorPage.decode(cursor);
        if (after != null) {
            sql += " AND c.id < ?";
            params.add(after);
        }
        params.add(limit + 1);
        List<Contact> rows = contacts.query(sql, params, "ORDER BY c.id DESC LIMIT ?");
        return CursorPage.of(rows, limit, Contact::id);
    }

    private SqlFragment where(Actor actor, ContactFilter f) {
        SqlFragment where = access.visible(actor, "c").and(SqlFragment.of("c.trashed_at IS NULL"));
        if (f.q() != null && !f.q().isBlank()) {
            where = where.and(matching(actor, f.q().trim()));
        }
        if (!f.tagIds().isEmpty()) {
            UUID[] tags = f.tagIds().toArray(UUID[]::new);
            where = where.and(
                    f.allTags()
                            ? SqlFragment.of(
                                    "(SELECT count(*) FROM contact_tag t WHERE t.org_id = c.org_id"
                                            + " AND t.contact_id = c.id AND t.tag_id = ANY (?)) = ?",
                                    tags,
                                    (long) new HashSet<>(f.tagIds()).size())
                            : SqlFragment.of(
                                    "EXISTS (SELECT 1 FROM contact_tag t WHERE t.org_id = c.org_id"
                                            + " AND t.contact_id = c.id AND t.tag_id = ANY (?))",
                                    (Object) tags));
        }
        if (f.ownerId() != null) {
            where = where.and(SqlFragment.of("c.owner_id = ?", f.ownerId()));
        }
        if (f.deptId() != null) {
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM member_department md WHERE md.org_id = c.org_id"
                            + " AND md.member_id = c.owner_id AND md.department_id = ?)",
                    f.deptId()));
        }
        if (f.company() != null && !f.company().isBlank()) {
            where = where.and(
                    SqlFragment.of("c.company ILIKE ?", "%" + escape(f.company().trim()) + "%"));
        }
        if (f.source() != null) {
            where = where.and(SqlFragment.of("c.source = ?", f.source()));
        }
        if (f.createdAfter() != null) {
            where = where.and(SqlFragment.of("c.created_at > ?", f.createdAfter()));
        }
        if (f.updatedAfter() != null) {
            where = where.and(SqlFragment.of("c.updated_at > ?", f.updatedAfter()));
        }
        if (f.lastContactedBefore() != null) {
            where = where.and(SqlFragment.of(
                    "(c.last_contacted_at IS NULL OR c.last_contacted_at < ?)", f.lastContactedBefore()));
        }
        if (f.externalId() != null) {
            int colon = f.externalId().indexOf(':');
            if (colon < 1) {
                throw LiaisonException.invalid("externalId", "must be source:id, such as crm:123");
            }
            where = where.and(SqlFragment.of(
                    "EXISTS (SELECT 1 FROM contact_external_id x WHERE x.org_id = c.org_id AND x.contact_id = c.id"
                            + " AND x.source = ? AND x.external_id = ?)",
                    f.externalId().substring(0, colon),
                    f.externalId().substring(colon + 1)));
        }
        return where;
    }

    /**
     * A plain substring search over name, company, remark, mobile digits (4 or more) and e-mail
     * prefix; the search issue replaces it with indexed pinyin, initials and bigrams.
     *
     * <p>Where the actor sees a contact's details masked, a fragment of its mobile or e-mail must not
     * find it, or typing digits one by one would reveal the number: there only the complete mobile
     * number or e-mail address matches.
     */
    private SqlFragment matching(Actor actor, String q) {
        String like = "%" + escape(q) + "%";
        SqlFragment text = SqlFragment.of("c.name ILIKE ? OR c.company ILIKE ? OR c.remark ILIKE ?", like, like, like);
        SqlFragment inFull = access.seenInFull(actor, "c");
        String digits = PhoneNumbers.digits(q);
        if (digits.length() >= 4) {
            text = text.or(inFull.and(SqlFragment.of("c.mobile LIKE ?", "%" + digits + "%")));
            var complete = PhoneNumbers.normalize(q, references.phoneRegion(actor.orgId()));
            if (complete.isPresent()) {
                text = text.or(SqlFragment.of("c.mobile = ?", complete.get()));
            }
        }
        String address = q.toLowerCase(Locale.ROOT);
        String emails = "EXISTS (SELECT 1 FROM contact_email e WHERE e.org_id = c.org_id AND e.contact_id = c.id";
        return text.or(inFull.and(SqlFragment.of(emails + " AND e.address LIKE ?)", escape(address) + "%")))
                .or(SqlFragment.of(emails + " AND e.address = ?)", address));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
