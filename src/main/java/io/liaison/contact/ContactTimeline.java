package io.liaison.contact;

import io.liaison.identity.Actor;
import io.liaison.shared.Ids;
import io.liaison.shared.RecordNames;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happened to a contact: written with each change, read newest first. Each entry keeps the
 * names of the people, departments and tags it mentions as they were when it was written, under
 * {@code names} in its data; an entry written before names were kept reads today's names.
 */
@Repository
class ContactTimeline {

    static final String NAMES = "names";

    private static final Set<String> UNNAMED = Set.of("followUpId", "importId", "tagId");

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final List<RecordNames> recordNames;
    private final List<TimelineSource> sources;

    ContactTimeline(JdbcClient jdbc, JsonMapper json, List<RecordNames> recordNames, List<TimelineSource> sources) {
        this.jdbc = jdbc;
        this.json = json;
        this.recordNames = recordNames;
        this.sources = sources;
    }

    void record(UUID orgId, UUID contactId, @Nullable UUID actorId, String kind, Map<String, ?> data) {
        Map<String, Object> stored = new LinkedHashMap<>(data);
        stored.put(NAMES, names(orgId, RecordNames.mentioned(actorId, data)));
        jdbc.sql("""
                        INSERT INTO contact_timeline (id, org_id, contact_id, actor_id, kind, data)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb)
                        """)
                .params(Ids.newId(), orgId, contactId, actorId, kind, json.writeValueAsString(stored))
                .update();
    }

    /** The names of these ids as they are now, keyed by the id's text as JSON keeps them. */
    Map<String, String> names(UUID orgId, Set<UUID> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        RecordNames.of(recordNames, orgId, ids).forEach((id, name) -> names.put(id.toString(), name));
        return names;
    }

    /**
     * A page of the contact's entries as {@code viewer} sees them: the timeline's own and those of the
     * {@link TimelineSource}s, newest first by id.
     */
    List<TimelineEntry> page(Actor viewer, UUID contactId, @Nullable UUID before, int limit) {
        List<TimelineEntry> entries = new ArrayList<>(own(viewer.orgId(), contactId, before, limit));
        for (TimelineSource source : sources) {
            entries.addAll(source.entries(viewer, contactId, before, limit));
        }
        if (sources.isEmpty()) {
            return entries;
        }
        entries.sort(Comparator.comparing(TimelineEntry::id).reversed());
        return List.copyOf(entries.subList(0, Math.min(limit, entries.size())));
    }

    /** A follow-up's entry carries the follow-up's type and content as they are now, if it still exists. */
    private List<TimelineEntry> own(UUID orgId, UUID contactId, @Nullable UUID before, int limit) {
        List<TimelineEntry> rows = jdbc.sql("""
                        SELECT t.id, t.at, t.actor_id, t.kind, t.data::text AS data, f.type, f.content
                          FROM contact_timeline t
                          LEFT JOIN follow_up f ON t.kind = 'follow_up' AND f.org_id = t.org_id
                                               AND f.id = (t.data ->> 'followUpId')::uuid
                         WHERE t.org_id = ? AND t.contact_id = ? AND (?::uuid IS NULL OR t.id < ?)
                         ORDER BY t.id DESC LIMIT ?
                        """)
                .params(orgId, contactId, before, before, limit)
                .query((rs, n) -> {
                    Map<String, Object> data = json.readValue(rs.getString("data"), DATA);
                    if (rs.getString("content") != null) {
                        data.put("type", rs.getString("type"));
                        data.put("content", rs.getString("content"));
                    }
                    return TimelineEntry.of(
                            rs.getObject("id", UUID.class),
                            rs.getObject("at", OffsetDateTime.class),
                            rs.getObject("actor_id", UUID.class),
                            rs.getString("kind"),
                            data);
                })
                .list();
        return withTodaysNames(orgId, rows);
    }

    /** Entries written before names were kept, and ids an entry could not name, read today's names. */
    private List<TimelineEntry> withTodaysNames(UUID orgId, List<TimelineEntry> rows) {
        Set<UUID> unnamed = new HashSet<>();
        rows.forEach(e -> RecordNames.mentioned(e.actorId(), namable(e.data())).stream()
                .filter(id -> !e.names().containsKey(id.toString()))
                .forEach(unnamed::add));
        if (unnamed.isEmpty()) {
            return rows;
        }
        Map<String, String> today = names(orgId, unnamed);
        return rows.stream().map(e -> e.withFallback(today)).toList();
    }

    /** The data without the ids of what has no name to keep: a follow-up, an import, a deleted tag. */
    private static Map<String, Object> namable(Map<String, Object> data) {
        Map<String, Object> namable = new LinkedHashMap<>(data);
        namable.keySet().removeAll(UNNAMED);
        return namable;
    }
}
