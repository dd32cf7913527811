package io.liaison.contact.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the search keys of contacts in step with them, in the transaction of every write that
 * changes them: the name keys ({@code contact_search}) with their name, owner, last-contacted time
 * and trash state; the word keys of company, remark and phone numbers ({@code contact_word}) with
 * those fields, the owner, the last-contacted time and the trash state.
 */
@Component
public class SearchKeys {

    /** Which keys to write again. */
    public enum Kind {
        NAMES,
        WORDS
    }

    private static final String SELECT_LIVE = """
            SELECT id, name, owner_id, contact_recency(last_contacted_at) AS recency, company, remark,
                   array_prepend(mobile, ARRAY(SELECT p ->> 'number' FROM jsonb_array_elements(phones) p)) AS numbers
              FROM contact WHERE org_id = ? AND id = ANY (?) AND trashed_at IS NULL ORDER BY id FOR UPDATE
            """;

    private final JdbcClient jdbc;

    SearchKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void rewrite(UUID orgId, UUID contactId) {
        rewrite(orgId, List.of(contactId));
    }

    /** Replaces all keys of these contacts of the organization; trashed ones keep none. */
    public void rewrite(UUID orgId, List<UUID> contactIds) {
        rewrite(orgId, contactIds, List.of(Kind.NAMES, Kind.WORDS));
    }

    /** Replaces the keys of these kinds of these contacts; trashed ones keep none. */
    public void rewrite(UUID orgId, List<UUID> contactIds, List<Kind> kinds) {
        if (kinds.isEmpty()) {
            return;
        }
        UUID[] ids = contactIds.toArray(UUID[]::new);
        List<Live> live =
                jdbc.sql(SELECT_LIVE).params(orgId, ids).query(SearchKeys::live).list();
        if (kinds.contains(Kind.NAMES)) {
            jdbc.sql("DELETE FROM contact_search WHERE org_id = ? AND contact_id = ANY (?)")
                    .params(orgId, ids)
                    .update();
            Rows rows = new Rows();
            for (Live c : live) {
                for (Map.Entry<String, Integer> key :
                        SearchText.nameKeys(c.name()).entrySet()) {
                    rows.add(key.getKey(), key.getValue(), c);
                }
            }
            rows.insert(orgId, """
                    INSERT INTO contact_search (org_id, key, tier, recency, contact_id, owner_id)
                    SELECT ?, k, t, r, c, o FROM unnest(?::text[], ?::smallint[], ?::bigint[], ?::uuid[], ?::uuid[])
                           AS u (k, t, r, c, o)
                    """);
        }
        if (kinds.contains(Kind.WORDS)) {
            jdbc.sql("DELETE FROM contact_word WHERE org_id = ? AND contact_id = ANY (?)")
                    .params(orgId, ids)
                    .update();
            Rows rows = new Rows();
            for (Live c : live) {
                for (String key : SearchText.wordKeys(c.company(), c.remark(), c.numbers())) {
                    rows.add(key, 0, c);
                }
            }
            rows.insert(orgId, """
                    INSERT INTO contact_word (org_id, key, recency, contact_id, owner_id)
                    SELECT ?, k, r, c, o FROM unnest(?::text[], ?::smallint[], ?::bigint[], ?::uuid[], ?::uuid[])
                           AS u (k, t, r, c, o)
                    """);
        }
    }

    private static Live live(ResultSet rs, int row) throws SQLException {
        return new Live(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("owner_id", UUID.class),
                rs.getLong("recency"),
                rs.getString("company"),
                rs.getString("remark"),
                Arrays.asList((String[]) rs.getArray("numbers").getArray()));
    }

    private record Live(
            UUID id,
            String name,
            UUID ownerId,
            long recency,
            @Nullable String company,
            @Nullable String remark,
            List<@Nullable String> numbers) {}

    /** Key rows as columns, inserted in one statement. */
    private final class Rows {
        private final List<String> keys = new ArrayList<>();
        private final List<Integer> tiers = new ArrayList<>();
        private final List<Long> recencies = new ArrayList<>();
        private final List<UUID> contacts = new ArrayList<>();
        private final List<UUID> owners = new ArrayList<>();

        void add(String key, int tier, Live c) {
            keys.add(key);
            tiers.add(tier);
            recencies.add(c.recency());
            contacts.add(c.id());
            owners.add(c.ownerId());
        }

        void insert(UUID orgId, String sql) {
            if (!keys.isEmpty()) {
                jdbc.sql(sql)
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
    }
}
