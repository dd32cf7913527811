package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A leaving member's contacts handed to another member (review's hand-over): which of them a filter
 * keeps, in id order, and the change of owner itself, checked and recorded as any change of owner is
 * (the timeline's "handed from A to B", {@link ContactOwnerChanged}). Shares and collaborators stay.
 */
@Service
public class ContactHandOver {

    /** The most contacts one call reads. */
    public static final int MAX_BATCH = 1_000;

    private final ContactRepository contacts;
    private final ContactQueries queries;
    private final ContactAccess access;
    private final ContactService service;
    private final JdbcClient jdbc;

    ContactHandOver(
            ContactRepository contacts,
            ContactQueries queries,
            ContactAccess access,
            ContactService service,
            JdbcClient jdbc) {
        this.contacts = contacts;
        this.queries = queries;
        this.access = access;
        this.service = service;
        this.jdbc = jdbc;
    }

    /**
     * The live contacts {@code ownerId} follows that the actor sees and {@code filter} keeps, after
     * {@code after} in id order, at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<UUID> owned(Actor actor, UUID ownerId, ContactFilter filter, @Nullable UUID after, int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_BATCH);
        }
        SqlFragment where = where(actor, ownerId, filter);
        List<Object> params = new ArrayList<>(where.params());
        String sql = "SELECT c.id FROM contact c WHERE " + where.sql();
        if (after != null) {
            sql += " AND c.id > ?";
            params.add(after);
        }
        params.add(limit);
        return jdbc.sql(sql + " ORDER BY c.id LIMIT ?")
                .params(params)
                .query(UUID.class)
                .list();
    }

    /** How many live contacts {@code ownerId} follows that the actor sees and {@code filter} keeps. */
    @Transactional(readOnly = true)
    public int count(Actor actor, UUID ownerId, ContactFilter filter) {
        SqlFragment where = where(actor, ownerId, filter);
        return jdbc.sql("SELECT count(*) FROM contact c WHERE " + where.sql())
                .params(where.params())
                .query(Integer.class)
                .single();
    }

    /**
     * Hands the contact from {@code fromId} to {@code toId}, in the caller's transaction; false when it
     * is gone, in the trash, out of the actor's sight, followed by someone else by now, or refused.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean handOver(Actor actor, UUID contactId, UUID fromId, UUID toId) {
        Optional<Contact> contact = contacts.find(contactId, access.visible(actor, "c"), false);
        if (contact.isEmpty() || !contact.get().ownerId().equals(fromId)) {
            return false;
        }
        try {
            service.apply(actor, contact.get(), Map.of("ownerId", toId.toString()), null, true);
            return true;
        } catch (LiaisonException refused) {
            // A contact the rules refuse to change (say, an owner change the actor may not make) stays with
            // its owner, still counted as theirs, rather than stopping the whole hand-over.
            return false;
        }
    }

    private SqlFragment where(Actor actor, UUID ownerId, ContactFilter filter) {
        return access.visible(actor, "c")
                .and(queries.rest(actor, filter))
                .and(SqlFragment.of("c.owner_id = ?", ownerId));
    }
}
