package db.migration;

import io.liaison.contact.ChineseNames;
import io.liaison.shared.CopyRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Every order of the contact list walks an index and stops after a page. Sorting by name follows
 * pinyin, as an address book does: the order is a key computed by the application ({@link
 * ChineseNames#sortKey}) and stored beside the name, compared in byte order.
 *
 * <p>The keys of the existing contacts are computed here, sent by COPY into a temporary table, and
 * put into the new column by one rewrite of the table (ALTER COLUMN ... USING), which builds each
 * index once, in bulk, and leaves no dead row behind, where an UPDATE of every row would add an
 * entry to every index, the grams' GIN indexes included, and double the table until vacuumed.
 */
public class V23__Contact_list_orders extends BaseJavaMigration {

    private static final int BATCH = 10_000;

    private static final List<String> BEFORE = List.of(
            "ALTER TABLE contact ADD COLUMN name_sort text COLLATE \"C\"",
            // Rebuilt below with more columns: dropped first so that the rewrite does not build it too.
            "DROP INDEX contact_by_recency",
            "CREATE TEMP TABLE contact_name_sort (id uuid NOT NULL, key text NOT NULL) ON COMMIT DROP");

    private static final List<String> AFTER = List.of(
            "CREATE UNIQUE INDEX ON contact_name_sort (id)",
            "ANALYZE contact_name_sort",
            """
            CREATE FUNCTION pg_temp.contact_name_sort_of(contact uuid) RETURNS text LANGUAGE plpgsql STABLE AS $$
            BEGIN
                RETURN (SELECT s.key FROM contact_name_sort s WHERE s.id = contact);
            END $$
            """,
            """
            ALTER TABLE contact ALTER COLUMN name_sort TYPE text COLLATE "C" USING pg_temp.contact_name_sort_of(id),
                                ALTER COLUMN name_sort SET NOT NULL
            """,
            // One index per order for everyone, with the owner and the tags (a data scope or a tag
            // filter skips rows without reading the table), and one for a member's own contacts.
            // Each serves its order in both directions.
            """
            CREATE INDEX contact_by_created ON contact (org_id, created_at DESC, id DESC) INCLUDE (owner_id, tag_ids)
                WHERE trashed_at IS NULL
            """,
            """
            CREATE INDEX contact_by_owner_created ON contact (org_id, owner_id, created_at DESC, id DESC) INCLUDE (tag_ids)
                WHERE trashed_at IS NULL
            """,
            """
            CREATE INDEX contact_by_name ON contact (org_id, name_sort, id) INCLUDE (owner_id, tag_ids)
                WHERE trashed_at IS NULL
            """,
            """
            CREATE INDEX contact_by_owner_name ON contact (org_id, owner_id, name_sort, id) INCLUDE (tag_ids)
                WHERE trashed_at IS NULL
            """,
            // Last contacted in the order of contact_recency (the search's order of other-field
            // matches too). The time itself is included so that the walk reads the index alone.
            """
            CREATE INDEX contact_by_recency ON contact (org_id, contact_recency(last_contacted_at), id)
                INCLUDE (last_contacted_at, owner_id, tag_ids) WHERE trashed_at IS NULL
            """,
            """
            CREATE INDEX contact_by_owner_recency ON contact (org_id, owner_id, contact_recency(last_contacted_at), id)
                INCLUDE (last_contacted_at, tag_ids) WHERE trashed_at IS NULL
            """,
            "ANALYZE contact");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        execute(connection, BEFORE);
        copyKeys(connection);
        execute(connection, AFTER);
    }

    /** The sort key of every contact, trashed ones included, into the temporary table, a batch at a time. */
    private static void copyKeys(Connection connection) throws SQLException {
        DataSource single = new SingleConnectionDataSource(connection, true);
        CopyRows keys = new CopyRows("contact_name_sort (id, key)", BATCH * 64);
        UUID org = null;
        UUID id = null;
        try (PreparedStatement next = connection.prepareStatement("""
                SELECT org_id, id, name FROM contact
                 WHERE ?::uuid IS NULL OR (org_id, id) > (?::uuid, ?::uuid)
                 ORDER BY org_id, id LIMIT ?
                """)) {
            while (true) {
                next.setObject(1, org);
                next.setObject(2, org);
                next.setObject(3, id);
                next.setInt(4, BATCH);
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        org = rows.getObject(1, UUID.class);
                        id = rows.getObject(2, UUID.class);
                        keys.add(id, ChineseNames.sortKey(rows.getString(3)));
                    }
                }
                if (keys.count() == 0) {
                    return;
                }
                keys.copy(single);
            }
        }
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
