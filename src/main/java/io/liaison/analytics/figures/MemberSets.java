package io.liaison.analytics.figures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures kept for a set of members as well as by member, so that a report over many members' figures
 * reads one row per tag and day ({@code analytics_tag_set_day}, V70) and per metric and day
 * ({@code analytics_set_day}, V71). A set is named by its {@code scope}, md5 of its member ids in
 * order, and built when first asked for; triggers keep it from then on. An organization keeps at most
 * {@link #MAX_PER_ORGANIZATION} sets; past that, reports read the rows by member.
 */
@Service
public class MemberSets {

    public static final int MAX_PER_ORGANIZATION = 100;

    private static final String UNREAD = "read_at < now() - interval '30 days'";

    private final JdbcClient jdbc;
    private final FigureStore store;
    private final TransactionTemplate transaction;

    MemberSets(JdbcClient jdbc, FigureStore store, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.store = store;
        this.transaction = transaction;
    }

    /**
     * The name of the set of these members: md5 of their ids joined by commas, in the order given (the
     * database's order of the ids, wherever they are read). A kept median of the same members is named alike.
     */
    public static String scope(List<UUID> members) {
        String ids = members.stream().map(UUID::toString).collect(Collectors.joining(","));
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(ids.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java runtime has MD5
        }
    }

    /**
     * Are the figures of these members (named {@code scope}) kept as a set, built now if needed? False
     * when the organization keeps the most sets already, or is gone. Building takes the organization's
     * figures until the transaction ends, as its writers do, so no change falls between the sums read
     * and the triggers that follow.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean keep(UUID orgId, String scope, List<UUID> members) {
        if (read(orgId, scope)) {
            return true;
        }
        if (store.lock(orgId).isEmpty()) {
            return false;
        }
        if (read(orgId, scope)) {
            return true; // built by another viewer while this one waited
        }
        long sets = jdbc.sql("SELECT count(*) FROM analytics_member_set WHERE org_id = ?")
                .param(orgId)
                .query(Long.class)
                .single();
        if (sets >= MAX_PER_ORGANIZATION) {
            return false;
        }
        UUID[] ids = members.toArray(UUID[]::new);
        jdbc.sql("INSERT INTO analytics_member_set (org_id, scope) VALUES (?, ?)")
                .params(orgId, scope)
                .update();
        jdbc.sql("""
                        INSERT INTO analytics_member_set_member (org_id, member_id, scope)
                        SELECT ?, m, ? FROM unnest(?::uuid[]) m""").params(orgId, scope, ids).update();
        jdbc.sql("""
                        INSERT INTO analytics_tag_set_day (org_id, scope, day, tag_id, created, last_active)
                        SELECT x.org_id, ?, x.day, x.tag_id, sum(x.created), sum(x.last_active)
                          FROM analytics_tag_day x
                         WHERE x.org_id = ? AND x.member_id = ANY (?)
                         GROUP BY x.org_id, x.day, x.tag_id""").params(scope, orgId, ids).update();
        jdbc.sql("""
                        INSERT INTO analytics_set_day (org_id, scope, metric, day, value)
                        SELECT x.org_id, ?, x.metric, x.day, sum(x.value)
                          FROM analytics_member_day x
                         WHERE x.org_id = ? AND x.member_id = ANY (?)
                         GROUP BY x.org_id, x.metric, x.day""").params(scope, orgId, ids).update();
        return true;
    }

    /**
     * Forgets the sets nobody read for 30 days, with their counts: those of a department tree before a
     * change of departments, of a department once chosen in a report. One organization at a time,
     * holding its figures as its writers do, so that no trigger adds to a set while it goes.
     *
     * @return the sets forgotten
     */
    public int forgetUnread() {
        int forgotten = 0;
        for (UUID org : jdbc.sql("SELECT DISTINCT org_id FROM analytics_member_set WHERE " + UNREAD)
                .query(UUID.class)
                .list()) {
            Integer deleted = transaction.execute(status -> {
                store.lock(org);
                return jdbc.sql("DELETE FROM analytics_member_set WHERE org_id = ? AND " + UNREAD)
                        .param(org)
                        .update();
            });
            forgotten += deleted == null ? 0 : deleted;
        }
        return forgotten;
    }

    /** Is the set kept? Marks it read (at most once an hour, a write), so that the clean-up leaves it. */
    private boolean read(UUID orgId, String scope) {
        List<Boolean> stale = jdbc.sql(
                        "SELECT read_at < now() - interval '1 hour' FROM analytics_member_set WHERE org_id = ? AND scope = ?")
                .params(orgId, scope)
                .query(Boolean.class)
                .list();
        if (stale.isEmpty()) {
            return false;
        }
        if (stale.get(0)) {
            jdbc.sql("UPDATE analytics_member_set SET read_at = now() WHERE org_id = ? AND scope = ?")
                    .params(orgId, scope)
                    .update();
        }
        return true;
    }
}
