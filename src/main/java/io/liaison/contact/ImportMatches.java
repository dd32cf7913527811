package io.liaison.contact;

import io.liaison.contact.ContactImport.Match;
import io.liaison.shared.SearchText;
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
            Match match,
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
            UUID orgId, Match match, Collection<String> keys, SqlFragment visible, SqlFragment editable) {
        Map<String, List<Found>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String[] array = keys.toArray(String[]::new);
        String candidates = switch (match) {
            case MOBILE -> "SELECT c.mobile AS key, c.id FROM contact c WHERE c.org_id = ? AND c.mobile = ANY (?)";
            case EMAIL ->
                "SELECT e.address AS key, e.contact_id AS id FROM contact_email e WHERE e.org_id = ? AND e.address = ANY (?)";
            case EXTERNAL_ID ->
                "SELECT x.source || ':' || x.external_id AS key, x.contact_id AS id FROM contact_external_id x"
                        + " JOIN unnest(?::text[]) k (key) ON x.source = split_part(k.key, ':', 1)"
                        + " AND x.external_id = substr(k.key, length(split_part(k.key, ':', 1)) + 2)"
                        + " WHERE x.org_id = ?";
            // The exact-name search key (tier 0) finds the namesakes by index; the company is compared after.
            case NAME_COMPANY ->
                "SELECT s.key || '|' || lower(coalesce(btrim(c.company), '')) AS key, s.contact_id AS id"
                        + " FROM contact_search s JOIN contact c ON c.org_id = s.org_id AND c.id = s.contact_id"
                        + " WHERE s.org_id = ? AND s.tier = 0 AND s.key = ANY (?)";
        };
        // In the order of the placeholders: the two predicates, the candidates, the organization.
        List<Object> params = new ArrayList<>(visible.params());
        params.addAll(editable.params());
        if (match == Match.EXTERNAL_ID) {
            params.add(array);
            params.add(orgId);
        } else {
            params.add(orgId);
            params.add(match == Match.NAME_COMPANY ? names(keys) : array);
        }
        params.add(orgId);
        jdbc.sql("SELECT m.key, c.id, c.name, o.display_name AS owner_name, (" + visible.sql() + ") AS visible, ("
                        + editable.sql() + ") AS editable FROM (" + candidates + ") m"
                        + " JOIN contact c ON c.id = m.id JOIN member o ON o.org_id = c.org_id AND o.id = c.owner_id"
                        + " WHERE c.org_id = ? AND c.trashed_at IS NULL ORDER BY c.id")
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
