package io.liaison.chat.conversation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What an invitation needs of the contact it invites: their name and first e-mail address. */
@Repository
class InvitationRepository {

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A contact not in the trash, with the address their invitation is sent to (none: the link is copied). */
    record InvitedContact(UUID id, String name, @Nullable String email) {}

    Optional<InvitedContact> contact(UUID orgId, UUID contactId) {
        return jdbc.sql("""
                        SELECT c.id, c.name,
                               (SELECT e.address FROM contact_email e
                                 WHERE e.org_id = c.org_id AND e.contact_id = c.id ORDER BY e.position LIMIT 1) AS email
                          FROM contact c
                         WHERE c.org_id = ? AND c.id = ? AND c.trashed_at IS NULL
                        """)
                .params(orgId, contactId)
                .query(InvitedContact.class)
                .optional();
    }

    /** The names of these contacts, trashed or not. */
    Map<UUID, String> names(UUID orgId, Collection<UUID> contactIds) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM contact WHERE org_id = ? AND id = ANY (?)")
                .params(orgId, contactIds.toArray(UUID[]::new))
                .query((rs, n) -> names.put(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        return names;
    }
}
