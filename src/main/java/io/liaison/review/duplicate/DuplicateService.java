package io.liaison.review.duplicate;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactAction;
import io.liaison.access.Masking;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import io.liaison.shared.PhoneNumbers;
import io.liaison.shared.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open duplicate pairs a member may see (both contacts visible to them, decided in SQL), best
 * first, and "not a duplicate", which a member who may edit both contacts says once for good.
 */
@Service
public class DuplicateService {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ContactAccess access;
    private final JsonMapper json;

    DuplicateService(JdbcClient jdbc, ContactAccess access, JsonMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.json = json;
    }

    /** The evidence in words: the message {@code review.evidence.<code>} with the shared value. */
    public static Message words(Evidence evidence) {
        return Message.of("review.evidence." + evidence.code(), evidence.value());
    }

    /** A page of the open pairs whose two contacts the actor sees, highest score first. */
    @Transactional(readOnly = true)
    public CursorPage<DuplicateView> list(Actor actor, @Nullable String cursor, int limit) {
        SqlFragment where = SqlFragment.of("d.org_id = ? AND d.resolved_at IS NULL", actor.orgId())
                .and(access.visible(actor, "a"))
                .and(access.visible(actor, "b"));
        if (cursor != null && !cursor.isBlank()) {
            List<String> parts = CursorPage.parts(cursor, 2);
            UUID after;
            try {
                if (parts.isEmpty() || !parts.get(0).matches("\\d{1,3}")) {
                    throw new IllegalArgumentException(cursor);
                }
                after = UUID.fromString(parts.get(1));
            } catch (IllegalArgumentException e) {
                throw LiaisonException.invalid("cursor", "invalid.cursor");
            }
            int score = Integer.parseInt(parts.get(0));
            where = where.and(SqlFragment.of("(d.score < ? OR (d.score = ? AND d.id > ?))", score, score, after));
        }
        SqlFragment inFullA = access.seenInFull(actor, "a");
        SqlFragment inFullB = access.seenInFull(actor, "b");
        List<Object> params = new ArrayList<>(inFullA.params());
        params.addAll(inFullB.params());
        params.addAll(where.params());
        params.add(limit + 1);
        List<DuplicateView> rows = jdbc.sql(
                        "SELECT d.id, d.score, d.exact, d.evidence::text AS evidence, d.cluster_key,"
                                + " a.id AS a_id, a.name AS a_name, a.company AS a_company, a.mobile AS a_mobile,"
                                + " (SELECT e.address FROM contact_email e WHERE e.org_id = a.org_id AND e.contact_id = a.id"
                                + "   ORDER BY e.position LIMIT 1) AS a_email, oa.display_name AS a_owner,"
                                + " b.id AS b_id, b.name AS b_name, b.company AS b_company, b.mobile AS b_mobile,"
                                + " (SELECT e.address FROM contact_email e WHERE e.org_id = b.org_id AND e.contact_id = b.id"
                                + "   ORDER BY e.position LIMIT 1) AS b_email, ob.display_name AS b_owner,"
                                + " (" + inFullA.sql() + ") AS a_full, (" + inFullB.sql() + ") AS b_full"
                                + " FROM review_duplicate d"
                                + " JOIN contact a ON a.org_id = d.org_id AND a.id = d.contact_a AND a.trashed_at IS NULL"
                                + " JOIN contact b ON b.org_id = d.org_id AND b.id = d.contact_b AND b.trashed_at IS NULL"
                                + " JOIN member oa ON oa.org_id = a.org_id AND oa.id = a.owner_id"
                                + " JOIN member ob ON ob.org_id = b.org_id AND ob.id = b.owner_id"
                                + " WHERE " + where.sql() + " ORDER BY d.score DESC, d.id LIMIT ?")
                .params(params)
                .query(this::view)
                .list();
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        DuplicateView last = rows.get(limit - 1);
        return new CursorPage<>(
                List.copyOf(rows.subList(0, limit)),
                CursorPage.encode(String.valueOf(last.score()), last.id().toString()));
    }

    /**
     * The contacts of each of {@code clusters} that are in an open pair whose two contacts the actor
     * sees, in the database's order: what a merge of the whole cluster would take.
     */
    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> clusterMembers(Actor actor, Collection<UUID> clusters) {
        Map<UUID, Set<UUID>> members = new HashMap<>();
        if (clusters.isEmpty()) {
            return Map.of();
        }
        SqlFragment where = SqlFragment.of(
                        "d.org_id = ? AND d.resolved_at IS NULL AND d.cluster_key = ANY (?)",
                        actor.orgId(),
                        clusters.toArray(UUID[]::new))
                .and(access.visible(actor, "a"))
                .and(access.visible(actor, "b"));
        jdbc.sql("SELECT d.cluster_key, d.contact_a, d.contact_b FROM review_duplicate d"
                        + " JOIN contact a ON a.org_id = d.org_id AND a.id = d.contact_a AND a.trashed_at IS NULL"
                        + " JOIN contact b ON b.org_id = d.org_id AND b.id = d.contact_b AND b.trashed_at IS NULL"
                        + " WHERE " + where.sql() + " ORDER BY d.contact_a, d.contact_b")
                .params(where.params())
                .query((rs, n) -> {
                    Set<UUID> set = members.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>());
                    set.add(rs.getObject(2, UUID.class));
                    set.add(rs.getObject(3, UUID.class));
                    return set;
                })
                .list();
        Map<UUID, List<UUID>> result = new HashMap<>();
        members.forEach(
                (k, v) -> result.put(k, v.stream().sorted(Candidates.Key.ORDER).toList()));
        return result;
    }

    /**
     * Says the pair is not a duplicate: it is closed now and no later run opens it again. Needs the
     * right to edit both contacts; a pair whose contacts the actor does not both see is not found.
     */
    @Transactional
    public void dismiss(Actor actor, UUID id) {
        SqlFragment seen = access.visible(actor, "a").and(access.visible(actor, "b"));
        SqlFragment edit =
                access.allows(actor, ContactAction.EDIT, "a").and(access.allows(actor, ContactAction.EDIT, "b"));
        List<Object> params = new ArrayList<>(edit.params());
        params.add(actor.orgId());
        params.add(id);
        params.addAll(seen.params());
        Boolean editable = jdbc.sql("SELECT (" + edit.sql() + ") FROM review_duplicate d"
                        + " JOIN contact a ON a.org_id = d.org_id AND a.id = d.contact_a AND a.trashed_at IS NULL"
                        + " JOIN contact b ON b.org_id = d.org_id AND b.id = d.contact_b AND b.trashed_at IS NULL"
                        + " WHERE d.org_id = ? AND d.id = ? AND d.resolved_at IS NULL AND " + seen.sql()
                        + " FOR UPDATE OF d")
                .params(params)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> LiaisonException.notFound("duplicate", id));
        if (!editable) {
            throw LiaisonException.forbidden("forbidden.duplicate-dismiss");
        }
        jdbc.sql("""
                        INSERT INTO review_not_duplicate (org_id, contact_a, contact_b, by_member)
                        SELECT org_id, contact_a, contact_b, ? FROM review_duplicate WHERE org_id = ? AND id = ?
                        ON CONFLICT DO NOTHING
                        """).params(actor.memberId(), actor.orgId(), id).update();
        jdbc.sql("UPDATE review_duplicate SET resolved_at = now() WHERE org_id = ? AND id = ?")
                .params(actor.orgId(), id)
                .update();
    }

    private DuplicateView view(ResultSet rs, int row) throws SQLException {
        boolean inFull = rs.getBoolean("a_full") && rs.getBoolean("b_full");
        List<Evidence> evidence = json.readValue(rs.getString("evidence"), EVIDENCE).stream()
                .map(e -> inFull ? shown(e) : masked(e))
                .toList();
        return new DuplicateView(
                rs.getObject("id", UUID.class),
                rs.getInt("score"),
                rs.getBoolean("exact"),
                evidence,
                rs.getObject("cluster_key", UUID.class),
                side(rs, "a_", rs.getBoolean("a_full")),
                side(rs, "b_", rs.getBoolean("b_full")));
    }

    private static Evidence shown(Evidence e) {
        return e.code().equals(Evidence.MOBILE) ? new Evidence(e.code(), PhoneNumbers.display(e.value())) : e;
    }

    private static Evidence masked(Evidence e) {
        return switch (e.code()) {
            case Evidence.MOBILE -> new Evidence(e.code(), Masking.phone(e.value()));
            case Evidence.EMAIL -> new Evidence(e.code(), Masking.email(e.value()));
            default -> e;
        };
    }

    private static DuplicateView.Side side(ResultSet rs, String prefix, boolean inFull) throws SQLException {
        String mobile = rs.getString(prefix + "mobile");
        String email = rs.getString(prefix + "email");
        return new DuplicateView.Side(
                rs.getObject(prefix + "id", UUID.class),
                rs.getString(prefix + "name"),
                rs.getString(prefix + "company"),
                mobile == null ? null : inFull ? PhoneNumbers.display(mobile) : Masking.phone(mobile),
                email == null ? null : inFull ? email : Masking.email(email),
                rs.getString(prefix + "owner"));
    }
}
