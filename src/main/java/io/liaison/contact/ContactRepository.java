package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.Contact.Email;
import io.liaison.contact.Contact.Phone;
import io.liaison.contact.search.SearchKeys;
import io.liaison.contact.search.SearchText;
import io.liaison.shared.SqlFragment;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Contacts and their child rows (e-mails, external ids, shares, tags). */
@Repository
class ContactRepository {

    /**
     * A contact's columns. Each child collection is read up to its maximum ({@link
     * ContactFields#MAXIMA}) through its index, so that a contact stored with more (before the
     * maxima, or by hand) costs a listed row no more than any other.
     */
    static final String COLUMNS = """
            c.id, c.name, c.mobile, c.phones::text AS phones, c.company, c.title, c.address, c.remark, c.gender,
            c.birthday, c.avatar_url, c.owner_id, c.custom_fields::text AS custom_fields, c.source, c.created_at,
            c.updated_at, c.last_contacted_at, c.version, c.trashed_at, c.trashed_by,
            ARRAY(SELECT s.member_id FROM contact_share_member s
                   WHERE s.org_id = c.org_id AND s.contact_id = c.id ORDER BY s.member_id LIMIT %d) AS share_user_ids,
            ARRAY(SELECT s.department_id FROM contact_share_department s
                   WHERE s.org_id = c.org_id AND s.contact_id = c.id ORDER BY s.department_id LIMIT %d)
                   AS share_dept_ids,
            ARRAY(SELECT k.member_id FROM contact_collaborator k
                   WHERE k.org_id = c.org_id AND k.contact_id = c.id ORDER BY k.member_id LIMIT %d)
                   AS collaborator_ids,
            c.tag_ids,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('label', e.label, 'address', e.address)
                                       ORDER BY e.position), '[]')::text
               FROM (SELECT e.label, e.address, e.position FROM contact_email e
                      WHERE e.org_id = c.org_id AND e.contact_id = c.id ORDER BY e.position LIMIT %d) e) AS emails,
            (SELECT coalesce(jsonb_object_agg(x.source, x.external_id), '{}')::text
               FROM (SELECT x.source, x.external_id FROM contact_external_id x
                      WHERE x.org_id = c.org_id AND x.contact_id = c.id ORDER BY x.source LIMIT %d) x) AS external_ids
            """.formatted(
                    ContactFields.MAXIMA.get("shareUserIds"),
                    ContactFields.MAXIMA.get("shareDeptIds"),
                    ContactFields.MAXIMA.get("collaboratorIds"),
                    ContactFields.MAXIMA.get("emails"),
                    ContactFields.MAXIMA.get("externalIds"));

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SearchKeys searchKeys;

    ContactRepository(JdbcClient jdbc, JsonMapper json, SearchKeys searchKeys) {
        this.jdbc = jdbc;
        this.json = json;
        this.searchKeys = searchKeys;
    }

    /**
     * A contact the predicate allows, in the trash or not as {@code trashed} says; a contact merged
     * away into another is in neither (only its merge's undo brings it back).
     */
    Optional<Contact> find(UUID id, SqlFragment allowed, boolean trashed) {
        return findWhere(id, allowed, trashed ? TRASHED : LIVE);
    }

    /** A contact the predicate allows, merged away or not, in the trash or not. */
    Optional<Contact> findAny(UUID id, SqlFragment allowed) {
        return findWhere(id, allowed, "TRUE");
    }

    private static final String LIVE = "c.trashed_at IS NULL";
    private static final String TRASHED = "c.trashed_at IS NOT NULL AND c.merged_into IS NULL";

    private Optional<Contact> findWhere(UUID id, SqlFragment allowed, String state) {
        List<Object> params = new ArrayList<>(allowed.params());
        params.add(id);
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact c WHERE " + allowed.sql() + " AND c.id = ? AND " + state)
                .params(params)
                .query(this::contact)
                .optional();
    }

    /** Does the contact pass the predicate? */
    boolean matches(UUID id, SqlFragment allowed, boolean trashed) {
        List<Object> params = new ArrayList<>(allowed.params());
        params.add(id);
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM contact c WHERE " + allowed.sql() + " AND c.id = ? AND "
                        + (trashed ? TRASHED : LIVE) + ")")
                .params(params)
                .query(Boolean.class)
                .single();
    }

    /** Why the actor sees a live contact the predicate {@code visible} allows, and what else they may do. */
    Optional<ContactRights> rights(
            UUID id, SqlFragment visible, SqlFragment reason, SqlFragment edit, SqlFragment share, SqlFragment delete) {
        List<Object> params = new ArrayList<>();
        for (SqlFragment f : List.of(reason, edit, share, delete, visible)) {
            params.addAll(f.params());
        }
        params.add(id);
        return jdbc.sql("SELECT " + reason.sql() + " AS reason, (" + edit.sql() + ") AS edit, (" + share.sql()
                        + ") AS share, (" + delete.sql() + ") AS delete FROM contact c WHERE " + visible.sql()
                        + " AND c.id = ? AND c.trashed_at IS NULL")
                .params(params)
                .query(ContactRights.class)
                .optional();
    }

    /** The contacts of these ids in the organization, in the order of {@code ids}. */
    List<Contact> byIds(UUID orgId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Contact> found = new HashMap<>();
        query("c.org_id = ? AND c.id = ANY (?)", List.of(orgId, ids.toArray(UUID[]::new)), "")
                .forEach(c -> found.put(c.id(), c));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    List<Contact> query(String where, List<Object> params, String orderAndLimit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact c WHERE " + where + " " + orderAndLimit)
                .params(params)
                .query(this::contact)
                .list();
    }

    List<String> externalIdSources(UUID orgId) {
        return jdbc.sql("SELECT DISTINCT source FROM contact_external_id WHERE org_id = ? ORDER BY source")
                .param(orgId)
                .query(String.class)
                .list();
    }

    /** A contact's stored fields with its search grams and name order, in the order of {@link #fieldValues}. */
    private static final String FIELD_COLUMNS = "name, mobile, phones, company, title, address, remark, gender,"
            + " birthday, avatar_url, owner_id, custom_fields, search_grams, name_sort";

    /** The columns a new contact's row is written with, in the order of {@link #insertValues}. */
    static final String INSERT_COLUMNS = "id, org_id, source, created_by, " + FIELD_COLUMNS;

    /** A new contact's row, with its search grams, for {@link #INSERT_COLUMNS}. */
    static Object[] insertValues(JsonMapper json, UUID orgId, UUID id, ContactDraft d, String source, UUID actorId) {
        return values(List.of(id, orgId, source, actorId), fieldValues(json, d), List.of());
    }

    private static Object[] fieldValues(JsonMapper json, ContactDraft d) {
        return new Object[] {
            d.name(),
            d.mobile(),
            json.writeValueAsString(d.phones()),
            d.company(),
            d.title(),
            d.address(),
            d.remark(),
            d.gender(),
            d.birthday(),
            d.avatarUrl(),
            d.ownerId(),
            json.writeValueAsString(d.customFields()),
            SearchText.textGrams(d.company(), d.remark()),
            ChineseNames.sortKey(d.name())
        };
    }

    private static Object[] values(List<Object> before, Object[] fields, List<Object> after) {
        List<Object> all = new ArrayList<>(before);
        all.addAll(Arrays.asList(fields));
        all.addAll(after);
        return all.toArray();
    }

    void insert(UUID orgId, UUID id, ContactDraft d, String source, UUID actorId) {
        jdbc.sql("INSERT INTO contact (" + INSERT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?::jsonb, ?::text[], ?)")
                .params(insertValues(json, orgId, id, d, source, actorId))
                .update();
        replaceChildren(orgId, id, d);
        searchKeys.rewrite(orgId, id);
    }

    /**
     * Saves the new state when the stored version is still {@code version}; false otherwise. The name
     * search keys (about 16 rows a contact) are rewritten only when the name or the owner changed, the
     * word keys (about 40) only when the company, remark, phones or owner changed.
     */
    boolean update(UUID orgId, UUID id, ContactDraft before, ContactDraft d, long version) {
        int rows = jdbc.sql("""
                        UPDATE contact SET name = ?, mobile = ?, phones = ?::jsonb, company = ?, title = ?,
                               address = ?, remark = ?, gender = ?, birthday = ?, avatar_url = ?, owner_id = ?,
                               custom_fields = ?::jsonb, search_grams = ?::text[],
                               name_sort = ?, updated_at = now(), version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ?
                        """)
                .params(values(List.of(), fieldValues(json, d), List.of(orgId, id, version)))
                .update();
        if (rows == 1) {
            replaceChildren(orgId, id, d);
            boolean owner = !before.ownerId().equals(d.ownerId());
            List<SearchKeys.Kind> kinds = new ArrayList<>();
            if (owner || !before.name().equals(d.name())) {
                kinds.add(SearchKeys.Kind.NAMES);
            }
            if (owner
                    || !Objects.equals(before.company(), d.company())
                    || !Objects.equals(before.remark(), d.remark())
                    || !Objects.equals(before.mobile(), d.mobile())
                    || !before.phones().equals(d.phones())) {
                kinds.add(SearchKeys.Kind.WORDS);
            }
            searchKeys.rewrite(orgId, List.of(id), kinds);
        }
        return rows == 1;
    }

    private void replaceChildren(UUID orgId, UUID id, ContactDraft d) {
        for (String table : List.of(
                "contact_email",
                "contact_external_id",
                "contact_share_member",
                "contact_share_department",
                "contact_collaborator")) {
            jdbc.sql("DELETE FROM " + table + " WHERE org_id = ? AND contact_id = ?")
                    .params(orgId, id)
                    .update();
        }
        for (int i = 0; i < d.emails().size(); i++) {
            Email e = d.emails().get(i);
            jdbc.sql("INSERT INTO contact_email (org_id, contact_id, position, label, address) VALUES (?, ?, ?, ?, ?)")
                    .params(orgId, id, i, e.label(), e.address())
                    .update();
        }
        d.externalIds()
                .forEach((source, externalId) -> jdbc.sql(
                                "INSERT INTO contact_external_id (org_id, contact_id, source, external_id) VALUES (?, ?, ?, ?)")
                        .params(orgId, id, source, externalId)
                        .update());
        for (UUID member : d.shareUserIds()) {
            jdbc.sql("INSERT INTO contact_share_member (org_id, contact_id, member_id) VALUES (?, ?, ?)")
                    .params(orgId, id, member)
                    .update();
        }
        for (UUID dept : d.shareDeptIds()) {
            jdbc.sql("INSERT INTO contact_share_department (org_id, contact_id, department_id) VALUES (?, ?, ?)")
                    .params(orgId, id, dept)
                    .update();
        }
        for (UUID member : d.collaboratorIds()) {
            jdbc.sql("INSERT INTO contact_collaborator (org_id, contact_id, member_id) VALUES (?, ?, ?)")
                    .params(orgId, id, member)
                    .update();
        }
        setTags(orgId, id, d.tagIds());
    }

    void setTags(UUID orgId, UUID id, List<UUID> tagIds) {
        jdbc.sql("DELETE FROM contact_tag WHERE org_id = ? AND contact_id = ? AND NOT (tag_id = ANY (?))")
                .params(orgId, id, tagIds.toArray(UUID[]::new))
                .update();
        jdbc.sql("""
                        INSERT INTO contact_tag (org_id, contact_id, tag_id)
                        SELECT ?, ?, t FROM unnest(?::uuid[]) t ON CONFLICT DO NOTHING
                        """).params(orgId, id, tagIds.toArray(UUID[]::new)).update();
    }

    void trash(UUID orgId, UUID id, UUID actorId) {
        jdbc.sql("""
                        UPDATE contact SET trashed_at = now(), trashed_by = ?, version = version + 1
                         WHERE org_id = ? AND id = ? AND trashed_at IS NULL
                        """).params(actorId, orgId, id).update();
        searchKeys.rewrite(orgId, id);
    }

    void restore(UUID orgId, UUID id) {
        jdbc.sql("""
                        UPDATE contact SET trashed_at = NULL, trashed_by = NULL, version = version + 1
                         WHERE org_id = ? AND id = ? AND trashed_at IS NOT NULL
                        """).params(orgId, id).update();
        searchKeys.rewrite(orgId, id);
    }

    void touchLastContacted(UUID orgId, UUID id, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE contact SET last_contacted_at = greatest(coalesce(last_contacted_at, ?), ?)
                         WHERE org_id = ? AND id = ?
                        """).params(at, at, orgId, id).update();
        searchKeys.rewrite(orgId, id);
    }

    /**
     * Moves the last witnessed activity forward to {@code at} when that is {@code step} or more after it,
     * and the last contact with it, so that a lively chat does not rewrite the contact's search keys with
     * every message; answers whether it moved.
     */
    boolean touchLastContactedBy(UUID orgId, UUID id, OffsetDateTime at, Duration step) {
        boolean moved =
                jdbc.sql("""
                        UPDATE contact SET last_activity_at = ?, last_contacted_at = greatest(last_contacted_at, ?)
                         WHERE org_id = ? AND id = ? AND trashed_at IS NULL
                           AND (last_activity_at IS NULL OR last_activity_at <= ? - make_interval(secs => ?))
                        """).params(at, at, orgId, id, at, step.toSeconds()).update() == 1;
        if (moved) {
            searchKeys.rewrite(orgId, id);
        }
        return moved;
    }

    /** {@link #touchLastContactedBy} for several contacts in one statement. */
    void touchLastContactedBy(UUID orgId, UUID[] ids, OffsetDateTime at, Duration step) {
        jdbc.sql("""
                        UPDATE contact SET last_activity_at = ?, last_contacted_at = greatest(last_contacted_at, ?)
                         WHERE org_id = ? AND id = ANY (?) AND trashed_at IS NULL
                           AND (last_activity_at IS NULL OR last_activity_at <= ? - make_interval(secs => ?))
                        RETURNING id
                        """)
                .params(at, at, orgId, ids, at, step.toSeconds())
                .query(UUID.class)
                .list()
                .forEach(id -> searchKeys.rewrite(orgId, id));
    }

    private Contact contact(ResultSet rs, int row) throws SQLException {
        Date birthday = rs.getDate("birthday");
        ContactDraft draft = new ContactDraft(
                rs.getString("name"),
                rs.getString("mobile"),
                json.readValue(rs.getString("phones"), new TypeReference<List<Phone>>() {}),
                json.readValue(rs.getString("emails"), new TypeReference<List<Email>>() {}),
                rs.getString("company"),
                rs.getString("title"),
                rs.getString("address"),
                rs.getString("remark"),
                rs.getString("gender"),
                birthday == null ? null : birthday.toLocalDate(),
                rs.getString("avatar_url"),
                rs.getObject("owner_id", UUID.class),
                uuids(rs, "share_user_ids"),
                uuids(rs, "share_dept_ids"),
                uuids(rs, "collaborator_ids"),
                uuids(rs, "tag_ids"),
                json.readValue(rs.getString("custom_fields"), new TypeReference<LinkedHashMap<String, Object>>() {}),
                json.readValue(rs.getString("external_ids"), new TypeReference<LinkedHashMap<String, String>>() {}));
        return new Contact(
                rs.getObject("id", UUID.class),
                draft,
                rs.getString("source"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("last_contacted_at", OffsetDateTime.class),
                rs.getLong("version"),
                rs.getObject("trashed_at", OffsetDateTime.class),
                rs.getObject("trashed_by", UUID.class),
                false);
    }

    private static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((UUID[]) rs.getArray(column).getArray());
    }
}
