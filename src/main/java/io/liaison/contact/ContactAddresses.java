package io.liaison.contact;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the server writes to contacts on a member's behalf (an invitation to a meeting they were
 * asked to): each live contact's name and first e-mail address. Whoever asked sees the contact, but
 * perhaps not its address in full: the address goes into the message and never back to the member.
 */
@Component
public class ContactAddresses {

    /** At most this many contacts at once. */
    public static final int MAX = 1_000;

    private final JdbcClient jdbc;

    ContactAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A contact's name and the first of its e-mail addresses. */
    public record Addressee(String name, String email) {}

    /** Those of the organization's {@code ids} that are live (not in the trash) and have an e-mail address. */
    public Map<UUID, Addressee> firstEmails(UUID orgId, Collection<UUID> ids) {
        if (ids.size() > MAX) {
            throw new IllegalArgumentException("At most " + MAX + " contacts at once");
        }
        Map<UUID, Addressee> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT c.id, c.name, e.address FROM contact c
                          JOIN LATERAL (SELECT ce.address FROM contact_email ce
                                         WHERE ce.org_id = c.org_id AND ce.contact_id = c.id
                                         ORDER BY ce.position LIMIT 1) e ON TRUE
                         WHERE c.org_id = ? AND c.id = ANY (?) AND c.trashed_at IS NULL
                        """)
                .params(orgId, ids.toArray(UUID[]::new))
                .query((rs, n) ->
                        found.put(rs.getObject(1, UUID.class), new Addressee(rs.getString(2), rs.getString(3))))
                .list();
        return found;
    }
}
