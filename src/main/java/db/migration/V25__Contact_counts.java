package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Counts and list walks that read an index alone, measured at 10^6 contacts:
 *
 * <ul>
 *   <li>The live contacts by owner, in an index of nothing more: a count (up to its bound of 10,000)
 *       reads its entries in table order, 12-14 buffers where the list indexes read 6,534-6,576 (their
 *       entries point all over the table, so the visibility check changes map page at each). Its keys
 *       repeat, so it is small: 7 MB, built in 3 s.
 *   <li>The contact table's pages marked all-visible again. V23 rewrote the table, which leaves its
 *       visibility map empty, and autovacuum comes back only after a fifth of the rows have changed:
 *       until then every walk of a list index (the list, the sorts, a tag filter, a member's own
 *       contacts, a count) read each entry's table row as well (a SELF member's count: 10,184 buffers
 *       with 10,001 rows, 15 ms). With the map, three tags "all" walk the list index in page order
 *       rather than intersecting the tags' posting lists: a third to a half of the time. Under a
 *       second at 10^6 contacts; VACUUM cannot run in a transaction, hence none.
 * </ul>
 */
public class V25__Contact_counts extends BaseJavaMigration {

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS contact_live_owners ON contact (org_id, owner_id)"
                    + " WHERE trashed_at IS NULL");
            statement.execute("VACUUM contact");
        }
    }
}
