package io.liaison.push.optout;

import io.liaison.contact.TimelineEntry;
import io.liaison.contact.TimelineSource;
import io.liaison.identity.Actor;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact's opt-outs and opt-ins on its timeline, with {@code via} ({@code link} or {@code member})
 * in their data and the member who recorded one named as they are now.
 */
@Component
class ConsentTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    ConsentTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Change(
            UUID id,
            OffsetDateTime changedAt,
            boolean optedOut,
            String via,
            @Nullable UUID actorId,
            @Nullable String actorName) {}

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entries(Actor viewer, UUID contactId, @Nullable UUID before, int limit) {
        return jdbc
                .sql("""
                        SELECT p.id, p.changed_at, p.opted_out, p.via, p.actor_id, m.display_name AS actor_name
                          FROM push_consent_change p
                          LEFT JOIN member m ON m.org_id = p.org_id AND m.id = p.actor_id
                         WHERE p.org_id = :org AND p.contact_id = :contact
                           AND (CAST(:before AS uuid) IS NULL OR p.id < :before)
                         ORDER BY p.id DESC LIMIT :limit
                        """)
                .param("org", viewer.orgId())
                .param("contact", contactId)
                .param("before", before)
                .param("limit", limit)
                .query(Change.class)
                .list()
                .stream()
                .map(ConsentTimeline::entry)
                .toList();
    }

    private static TimelineEntry entry(Change c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("via", c.via());
        Map<String, String> names = new LinkedHashMap<>();
        if (c.actorId() != null && c.actorName() != null) {
            names.put(c.actorId().toString(), c.actorName());
        }
        return new TimelineEntry(
                c.id(),
                c.changedAt(),
                c.actorId(),
                c.actorName(),
                c.optedOut() ? TimelineEntry.PUSH_OPTED_OUT : TimelineEntry.PUSH_OPTED_IN,
                data,
                names);
    }
}
