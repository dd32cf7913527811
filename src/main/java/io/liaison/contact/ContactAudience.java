package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contacts a member reaches with one message to many (a push), as one SELECT that another module
 * wraps in its own statement: the live contacts the member sees that match a filter of the contact
 * list, and the contacts named by id, each once, with its first e-mail address. A named contact the
 * member may not see (or in the trash, or of no contact at all) comes back with {@code visible} false
 * and nothing else, so that the caller can account for it; the filter only ever finds visible ones.
 *
 * <p>Columns: {@code contact_id uuid, visible boolean, email text}.
 */
@Component
public class ContactAudience {

    private final ContactQueries queries;
    private final ContactAccess access;
    private final JdbcClient jdbc;

    ContactAudience(ContactQueries queries, ContactAccess access, JdbcClient jdbc) {
        this.queries = queries;
        this.access = access;
        this.jdbc = jdbc;
    }

    /** The audience of {@code filter} (none: no contact by filter) and {@code ids}. */
    public SqlFragment select(Actor actor, @Nullable ContactFilter filter, List<UUID> ids) {
        SqlFragment byFilter = filter == null
                ? null
                : SqlFragment.of("SELECT c.id, TRUE AS visible FROM contact c WHERE ")
                        .append("", access.visible(actor, "c").and(queries.rest(actor, filter)), "");
        SqlFragment byId = ids.isEmpty()
                ? null
                : SqlFragment.of(
                                "SELECT g.id, c.id IS NOT NULL AS visible FROM unnest(?::uuid[]) g (id)"
                                        + " LEFT JOIN contact c ON c.org_id = ? AND c.id = g.id AND c.trashed_at IS NULL AND ",
                                ids.toArray(UUID[]::new),
                                actor.orgId())
                        .append("", access.visible(actor, "c"), "");
        SqlFragment people;
        if (byFilter == null && byId == null) {
            people = SqlFragment.of("SELECT NULL::uuid AS id, FALSE AS visible WHERE FALSE");
        } else if (byFilter == null || byId == null) {
            people = byFilter == null ? byId : byFilter;
        } else {
            people = SqlFragment.of("SELECT DISTINCT ON (u.id) u.id, u.visible FROM (")
                    .append("", SqlFragment.unionAll(List.of(byFilter, byId)), ") u ORDER BY u.id, u.visible DESC");
        }
        List<Object> params = new ArrayList<>(people.params());
        params.add(actor.orgId());
        return new SqlFragment(
                "SELECT a.id AS contact_id, a.visible, e.address AS email FROM (" + people.sql() + """
                        ) a LEFT JOIN LATERAL (
                            SELECT ce.address FROM contact_email ce
                             WHERE ce.org_id = ? AND ce.contact_id = a.id AND a.visible
                             ORDER BY ce.position LIMIT 1) e ON TRUE
                        """, params);
    }

    /** The names of those of {@code ids} that the actor sees (in the trash too: a past push names them). */
    public Map<UUID, String> visibleNames(Actor actor, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        visible(actor, ids).forEach((id, seen) -> names.put(id, seen.name()));
        return names;
    }

    /** A contact as a reader sees it: its name, and whether its e-mails and numbers show in full. */
    public record Seen(String name, boolean detailsInFull) {}

    /**
     * Those of {@code ids} that the actor sees (in the trash too), each with its name and whether the
     * actor sees its details in full or masked.
     */
    public Map<UUID, Seen> visible(Actor actor, Collection<UUID> ids) {
        Map<UUID, Seen> seen = new HashMap<>();
        if (ids.isEmpty()) {
            return seen;
        }
        SqlFragment full = access.seenInFull(actor, "c");
        SqlFragment where =
                access.visible(actor, "c").and(SqlFragment.of("c.id = ANY (?)", (Object) ids.toArray(UUID[]::new)));
        List<Object> params = new ArrayList<>(full.params());
        params.addAll(where.params());
        jdbc.sql("SELECT c.id, c.name, (" + full.sql() + ") FROM contact c WHERE " + where.sql())
                .params(params)
                .query((rs, n) -> seen.put(rs.getObject(1, UUID.class), new Seen(rs.getString(2), rs.getBoolean(3))))
                .list();
        return seen;
    }
}
