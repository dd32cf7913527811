package io.liaison.contact;

import io.liaison.contact.search.SearchText;
import io.liaison.shared.SqlFragment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the live contacts of an organization that rows of an import match, for a whole batch in
 * one query, with what the importing member may do with each.
 */
@Repository
class ImportMatches {

    private final JdbcClient jdbc;

    ImportMatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A contact found for a key; {@code visible} and {@code editable} as the actor's rights say. */
    record Found(String key, UUID id, String name, String ownerName, boolean visible, boolean editable) {}

    /** The key of a row under {@code match}, from its normalised draft values; null when it has none. */
    static @Nullable String key(
            ImportMatch match,
            @Nullable String mobile,
            @Nullable String email,
            Map<String, String> externalIds,
            String name,
            @Nullable String company) {
        return switch (match) {
            case MOBILE -> mobile;
            case EMAIL -> email;
            case EXTERNAL_ID -> externalIds.isEmpty() ? null : externalKey(externalIds);
            case NAME_COMPANY -> name.isBlank() ? null : nameKey(name, company);
        };
    }

    private static String externalKey(Map<String, String> ids) {
        String source = ids.keySet().stream().sorted().findFirst().orElseThrow();
        return source + ":" + ids.get(source);
    }

    private static String nameKey(String name, @Nullable String company) {
        return SearchText.normalize(name) + "|"
                + (company == null ? "" : company.strip().toLowerCase(Locale.ROOT));
    }

    /** Every live contact matching one of the keys, by key. */
    Map<String, List<Found>> find(
            UUID orgId, ImportMatch match, Collection<String> keys, SqlFragment visible, SqlFragment editable) {
        Map<String, List<Found>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String[] array = keys.toArray(String[]::new);
        // Each candidate query walks the batch's keys and looks each one up by index, whatever the
        // planner thinks of the table's size (statistics lag behind an import that fills it).
        String candidates = switch (match) {
            case MOBILE ->
                "SELECT k.key, c.id FROM unnest(?::text[]) k (key) JOIN LATERAL (SELECT c.id FROM contact c"
                        + " WHERE c.org_id = ? AND c.mobile = k.key AND c.trashed_at IS NULL AND c.mobile IS NOT NULL"
                        + " OFFSET 0) c ON true";
            case EMAIL ->
                "SELECT k.key, e.contact_id AS id FROM unnest(?::text[]) k (key) JOIN LATERAL (SELECT e.contact_id"
                        + " FROM contact_email e WHERE e.org_id = ? AND e.address = k.key OFFSET 0) e ON true";
            case EXTERNAL_ID ->
                "SELECT k.key, x.contact_id AS id FROM unnest(?::text[]) k (key) JOIN LATERAL (SELECT x.contact_id"
                        + " FROM contact_external_id x WHERE x.org_id = ? AND x.source = split_part(k.key, ':', 1)"
                        + " AND x.external_id = substr(k.key, length(split_part(k.key, ':', 1)) + 2) OFFSET 0) x ON true";
            // The exact-name search key (tier 0) finds the namesakes by index; the company is compared after.
            case NAME_COMPANY ->
                "SELECT s.key || '|' || lower(coalesce(btrim(c.company), '')) AS key, s.contact_id AS id"
                        + " FROM unnest(?::text[]) k (name) JOIN LATERAL (SELECT s.key, s.contact_id FROM contact_search s"
                        + " WHERE s.org_id = ? AND s.key = k.name AND s.tier = 0 OFFSET 0) s ON true"
                        + " JOIN contact c ON c.org_id = ? AND c.id = s.contact_id";
        };
        // In the order of the placeholders: the two predicates, the candidates, the organization.
        List<Object> params = new ArrayList<>(visible.params());
        params.addAll(editable.params());
        params.add(match == ImportMatch.NAME_COMPANY ? names(keys) : array);
        params.add(orgId);
        if (match == ImportMatch.NAME_COMPANY) {
            params.add(orgId);
        }
        params.add(orgId);
        jdbc.sql("SELECT m.key, c.id, c.name, o.display_name AS owner_name, (" + visible.sql() + ") AS visible, ("
                        + editable.sql() + ") AS editable FROM (" + candidates + ") m"
                        + " JOIN contact c ON c.org_id = ? AND c.id = m.id"
                        + " JOIN member o ON o.org_id = c.org_id AND o.id = c.owner_id"
                        + " WHERE c.trashed_at IS NULL ORDER BY c.id")
                .params(params)
                .query(Found.class)
                .list()
                .forEach(f -> {
                    if (keys.contains(f.key())) {
                        found.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
                    }
                });
        return found;
    }

    private static String[] names(Collection<String> keys) {
        return keys.stream().map(k -> k.substring(0, k.indexOf('|'))).distinct().toArray(String[]::new);
    }

    /**
     * Fresh planner statistics for the tables an import fills, which grow faster than autovacuum
     * samples them: without them, a plan made for an empty table scans the grown one on every batch
     * (the name and company match looks up contact_search).
     */
    void analyze() {
        for (String table : List.of(
                "contact", "contact_email", "contact_external_id", "contact_search", "contact_word", "contact_tag")) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }

    /** External ids among {@code keys} ("source:id") that a contact of the org, live or in the trash, holds. */
    List<String> takenExternalIds(UUID orgId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT k.key FROM unnest(?::text[]) k (key)
                         WHERE EXISTS (SELECT 1 FROM contact_external_id x
                                        WHERE x.org_id = ? AND x.source = split_part(k.key, ':', 1)
                                          AND x.external_id = substr(k.key, length(split_part(k.key, ':', 1)) + 2))
                        """)
                .params(keys.toArray(String[]::new), orgId)
                .query(String.class)
                .list();
    }

    /** The ids of active members of the organization among {@code ids}. */
    List<UUID> activeMembers(UUID orgId, Collection<UUID> ids) {
        return jdbc.sql("SELECT id FROM member WHERE org_id = ? AND id = ANY (?) AND active")
                .params(orgId, ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }
}
