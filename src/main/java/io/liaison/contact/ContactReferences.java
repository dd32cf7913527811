package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.Contact.Email;
import io.liaison.shared.SqlFragment;
import io.liaison.shared.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Checks what a contact refers to: members and departments of the same organization. */
@Repository
class ContactReferences {

    private final JdbcClient jdbc;

    ContactReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String phoneRegion(UUID orgId) {
        return jdbc.sql("SELECT phone_region FROM organization WHERE id = ?")
                .param(orgId)
                .query(String.class)
                .single();
    }

    /** Rejects every id of the draft that names no (active) member or department of the org. */
    void check(UUID orgId, ContactDraft d, Validation v) {
        if (!exist("member", "AND active", orgId, List.of(d.ownerId()))) {
            v.reject("ownerId", "invalid.inactive-member");
        }
        if (!exist("member", "", orgId, d.shareUserIds())) {
            v.reject("shareUserIds", "invalid.unknown-members");
        }
        if (!exist("member", "", orgId, d.collaboratorIds())) {
            v.reject("collaboratorIds", "invalid.unknown-members");
        }
        if (!exist("department", "", orgId, d.shareDeptIds())) {
            v.reject("shareDeptIds", "invalid.unknown-departments");
        }
    }

    private boolean exist(String table, String condition, UUID orgId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return true;
        }
        int found = jdbc.sql("SELECT count(*) FROM " + table + " WHERE org_id = ? AND id = ANY (?) " + condition)
                .params(orgId, ids.toArray(UUID[]::new))
                .query(Integer.class)
                .single();
        return found == new HashSet<>(ids).size();
    }

    /** Another live contact of the org with the same mobile or one of the same e-mails. */
    Optional<Duplicate> duplicate(UUID orgId, @Nullable UUID self, ContactDraft d, SqlFragment visible) {
        String[] emails = d.emails().stream().map(Email::address).toArray(String[]::new);
        if (d.mobile() == null && emails.length == 0) {
            return Optional.empty();
        }
        String mobile = d.mobile() == null ? "" : d.mobile();
        // In the order the placeholders appear: the visibility predicate, the CASE, then the WHERE.
        List<Object> params = new ArrayList<>(visible.params());
        params.addAll(List.of(mobile, orgId, mobile, emails, self == null ? UUID.randomUUID() : self));
        return jdbc.sql("SELECT c.id, c.name, m.display_name AS owner_name, (" + visible.sql() + ") AS visible,"
                        + " CASE WHEN c.mobile = ? THEN 'mobile' ELSE 'emails' END AS field"
                        + " FROM contact c JOIN member m ON m.org_id = c.org_id AND m.id = c.owner_id"
                        + " WHERE c.org_id = ? AND c.trashed_at IS NULL"
                        + " AND (c.mobile = ? OR EXISTS (SELECT 1 FROM contact_email e"
                        + " WHERE e.org_id = c.org_id AND e.contact_id = c.id AND e.address = ANY (?)))"
                        + " AND c.id <> ? LIMIT 1")
                .params(params)
                .query(Duplicate.class)
                .optional();
    }

    record Duplicate(UUID id, String name, String ownerName, boolean visible, String field) {}

    /** External ids of the draft that another contact of the org already has, as "source:id". */
    List<String> takenExternalIds(UUID orgId, @Nullable UUID self, ContactDraft d) {
        List<String> taken = new ArrayList<>();
        d.externalIds().forEach((source, id) -> {
            boolean used = jdbc.sql("""
                            SELECT EXISTS (SELECT 1 FROM contact_external_id
                             WHERE org_id = ? AND source = ? AND external_id = ? AND contact_id IS DISTINCT FROM ?)
                            """)
                    .params(orgId, source, id, self)
                    .query(Boolean.class)
                    .single();
            if (used) {
                taken.add(source);
            }
        });
        return taken;
    }
}
