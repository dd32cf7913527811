package io.liaison.contact;

import io.liaison.contact.followup.FollowUpService;
import io.liaison.contact.followup.LastFollowUp;
import io.liaison.identity.Actor;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member's own contacts with the latest contact (a follow-up, a message, a visit), the most recent
 * first, with their latest follow-up: the recent activity on the workbench. Read from the top of the
 * index of a member's contacts by recency ({@code contact_by_owner_recency}, the list's "last contacted"
 * order), so a member with many contacts costs a few rows.
 */
@Component
public class RecentContacts {

    /** The most contacts one call answers. */
    public static final int MAX = 20;

    private final JdbcClient jdbc;
    private final FollowUpService followUps;

    RecentContacts(JdbcClient jdbc, FollowUpService followUps) {
        this.jdbc = jdbc;
        this.followUps = followUps;
    }

    /**
     * A contact lately in touch: who, when, and their latest follow-up's type and opening words when
     * they have one.
     */
    public record Recent(
            UUID contactId,
            String name,
            OffsetDateTime lastContactedAt,
            @Nullable String followUpType,
            @Nullable String followUpSnippet) {}

    /** The member's live contacts most recently in touch, at most {@code limit} (up to {@value #MAX}). */
    @Transactional(readOnly = true)
    public List<Recent> ofMember(Actor actor, int limit) {
        record Row(UUID id, String name, OffsetDateTime lastContactedAt) {}
        List<Row> rows = jdbc.sql("""
                        SELECT c.id, c.name, c.last_contacted_at FROM contact c
                         WHERE c.org_id = ? AND c.owner_id = ? AND c.trashed_at IS NULL
                           AND c.last_contacted_at IS NOT NULL
                         ORDER BY contact_recency(c.last_contacted_at), c.id LIMIT ?
                        """)
                .params(actor.orgId(), actor.memberId(), Math.min(limit, MAX))
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("last_contacted_at", OffsetDateTime.class)))
                .list();
        Map<UUID, LastFollowUp> latest =
                followUps.latest(actor, rows.stream().map(Row::id).toList());
        return rows.stream()
                .map(r -> {
                    LastFollowUp f = latest.get(r.id());
                    return new Recent(
                            r.id(),
                            r.name(),
                            r.lastContactedAt(),
                            f == null ? null : f.type(),
                            f == null ? null : f.snippet());
                })
                .toList();
    }
}
