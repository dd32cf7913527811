package io.liaison.contact.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the search keys of contacts ({@code contact_search}) in step with their name, owner,
 * last-contacted time and trash state, in the transaction of every write that changes them.
 */
@Component
public class SearchKeys {

    private final JdbcClient jdbc;

    SearchKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void rewrite(UUID orgId, UUID contactId) {
        rewrite(orgId, List.of(contactId));
    }

    /** Replaces the keys of these contacts of the organization; trashed ones keep none. */
    public void rewrite(UUID orgId, List<UUID> contactIds) {
        UUID[] ids = contactIds.toArray(UUID[]::new);
        List<Live> live = jdbc.sql("""
                        SELECT id, name, owner_id, contact_recency(last_contacted_at) AS recency FROM contact
                         WHERE org_id = ? AND id = ANY (?) AND trashed_at IS NULL ORDER BY id FOR UPDATE
                        """).params(orgId, ids).query(Live.class).list();
        jdbc.sql("DELETE FROM contact_search WHERE org_id = ? AND contact_id = ANY (?)")
                .params(orgId, ids)
                .update();
        List<String> keys = new ArrayList<>();
        List<Integer> tiers = new ArrayList<>();
        List<Long> recencies = new ArrayList<>();
        List<UUID> contacts = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        for (Live c : live) {
            for (Map.Entry<String, Integer> key : SearchText.nameKeys(c.name()).entrySet()) {
                keys.add(key.getKey());
                tiers.add(key.getValue());
                recencies.add(c.recency());
                contacts.add(c.id());
                owners.add(c.ownerId());
            }
        }
        if (!keys.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO contact_search (org_id, key, tier, recency, contact_id, owner_id)
                            SELECT ?, k, t, r, c, o FROM unnest(?::text[], ?::smallint[], ?::bigint[], ?::uuid[], ?::uuid[])
                                   AS u (k, t, r, c, o)
                            """)
                    .params(
                            orgId,
                            keys.toArray(String[]::new),
                            tiers.toArray(Integer[]::new),
                            recencies.toArray(Long[]::new),
                            contacts.toArray(UUID[]::new),
                            owners.toArray(UUID[]::new))
                    .update();
        }
    }

    private record Live(UUID id, String name, UUID ownerId, long recency) {}
}
