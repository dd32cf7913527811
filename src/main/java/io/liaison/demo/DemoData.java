package io.liaison.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

/**
 * Loads demo data into an organization through COPY, in one transaction: all of it or none. One
 * thread makes up the next batch while PostgreSQL takes the previous one, so both cores work.
 */
@Component
public class DemoData {

    static final int BATCH = 10_000;

    private final DataSource dataSource;

    DemoData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a run added, and how long it took. */
    public record Result(
            int contacts,
            int emails,
            int contactTags,
            int followUps,
            int membersCreated,
            int tagsCreated,
            Duration took) {}

    /** The organization demo data goes to: the first one created. */
    public Optional<UUID> firstOrganization() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id FROM organization ORDER BY created_at, id LIMIT 1")) {
            return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
        }
    }

    /** Adds {@code contacts} contacts with their owners, tags, e-mails and follow-ups to {@code orgId}. */
    public Result generate(UUID orgId, int contacts, long seed, Consumer<String> progress) throws SQLException {
        Instant start = Instant.now();
        Counts counts = new Counts();
        OrgSetup.Setup setup;
        ExecutorService maker = Executors.newSingleThreadExecutor(r -> new Thread(r, "demo-data"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // Members draw from a stream of their own, so that they are not named like the first contacts.
                setup = new OrgSetup(c, orgId).prepare(new java.util.SplittableRandom(~seed));
                LongSet mobiles = TakenValues.mobiles(c, orgId);
                LongSet emails = TakenValues.emails(c, orgId);
                ContactRows rows = new ContactRows(orgId, setup, seed, mobiles, emails, start);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                List<String> rebuild = new ArrayList<>(dropIndexes(c, "contact"));
                rebuild.addAll(dropIndexes(c, "contact_search"));
                rebuild.addAll(dropForeignKeys(c, "contact_search"));
                rebuild.addAll(pauseTagTriggers(c));
                int left = contacts;
                Future<Chunk> next = maker.submit(() -> rows.next(Math.min(BATCH, contacts)));
                while (left > 0) {
                    Chunk chunk = next.get();
                    left -= chunk.contactCount;
                    int size = Math.min(BATCH, left);
                    if (size > 0) {
                        next = maker.submit(() -> rows.next(size));
                    }
                    load(copy, chunk, counts);
                    if (counts.contacts % 100_000 == 0 || left == 0) {
                        progress.accept(counts.contacts + " / " + contacts + " contacts after "
                                + Duration.between(start, Instant.now()).toSeconds() + " s");
                    }
                }
                progress.accept("Indexing contacts and search keys");
                try (Statement statement = c.createStatement()) {
                    statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
                    for (String index : rebuild) {
                        statement.execute(index);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (InterruptedException e) {
                c.rollback();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            } catch (ExecutionException e) {
                c.rollback();
                throw new IllegalStateException("Could not make up the demo data", e.getCause());
            }
            c.setAutoCommit(true);
            // What autovacuum would do soon after: statistics for the planner, and the visibility map
            // that lets searches read the key index alone.
            progress.accept("Vacuuming and analyzing the tables");
            try (Statement statement = c.createStatement()) {
                statement.execute(
                        "VACUUM (ANALYZE) contact, contact_search, contact_email, contact_tag, follow_up, member, member_department,"
                                + " department, tag, tag_group");
            }
        } finally {
            maker.shutdownNow();
        }
        return new Result(
                counts.contacts,
                counts.emails,
                counts.tags,
                counts.followUps,
                setup.membersCreated(),
                setup.tagsCreated(),
                Duration.between(start, Instant.now()));
    }

    private static void load(CopyManager copy, Chunk chunk, Counts counts) throws SQLException {
        copy(
                copy,
                "contact (id, org_id, name, mobile, company, title, address, remark, gender, birthday, source,"
                        + " owner_id, created_by, created_at, updated_at, last_contacted_at, search_grams, mobile_grams,"
                        + " tag_ids)",
                chunk.contacts);
        copy(copy, "contact_email (org_id, contact_id, position, label, address)", chunk.emails);
        copy(copy, "contact_search (org_id, key, tier, recency, contact_id, owner_id)", chunk.searchKeys);
        copy(copy, "contact_tag (org_id, contact_id, tag_id)", chunk.tags);
        copy(
                copy,
                "follow_up (id, org_id, contact_id, type, content, occurred_at, author_id, created_at, updated_at)",
                chunk.followUps);
        counts.contacts += chunk.contactCount;
        counts.emails += chunk.emailCount;
        counts.tags += chunk.tagCount;
        counts.followUps += chunk.followUpCount;
    }

    /**
     * Drops the indexes of {@code table} that no constraint needs, in the loading transaction, and
     * answers their definitions: building an index once over millions of rows is far quicker than
     * growing it row by row.
     */
    private static List<String> dropIndexes(Connection c, String table) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (var statement = c.prepareStatement("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                 WHERE i.indrelid = ?::regclass
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                """)) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
        }
        try (Statement statement = c.createStatement()) {
            for (String name : names) {
                statement.execute("DROP INDEX " + name);
            }
        }
        return definitions;
    }

    /**
     * Turns off, in the loading transaction, the triggers that copy a contact's tags onto its row
     * (the rows are loaded with them already), and answers the statement that turns them on again.
     */
    private static List<String> pauseTagTriggers(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("ALTER TABLE contact_tag DISABLE TRIGGER USER");
        }
        return List.of("ALTER TABLE contact_tag ENABLE TRIGGER USER");
    }

    /**
     * Drops the foreign keys of {@code table} and answers the statements that add them back: one
     * check of all rows at the end instead of a trigger per row (twenty million for a million
     * contacts' search keys).
     */
    private static List<String> dropForeignKeys(Connection c, String table) throws SQLException {
        List<String> additions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (var statement = c.prepareStatement(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'f'")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    additions.add(
                            "ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        try (Statement statement = c.createStatement()) {
            for (String name : names) {
                statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
            }
        }
        return additions;
    }

    private static void copy(CopyManager copy, String table, StringBuilder rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.copyIn("COPY " + table + " FROM STDIN", new ByteArrayInputStream(bytes), 1 << 16);
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    private static final class Counts {
        int contacts;
        int emails;
        int tags;
        int followUps;
    }
}
