package io.liaison.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads demo data into an organization through COPY, in one transaction: all of it or none. The
 * contacts go through contact's bulk writer ({@link io.liaison.contact.ContactCopy}), as an
 * import's do. One thread makes up the next batch while PostgreSQL takes the previous one, so both
 * cores work.
 */
@Component
public class DemoData {

    static final int BATCH = 10_000;
    /**
     * From this many contacts the load drops the search tables' indexes and foreign keys and builds
     * them again at the end, then vacuums: quicker than growing them row by row. Below it, rebuilding
     * them over every organization's rows would cost more than the load itself, and the vacuum is left
     * to autovacuum.
     */
    private static final int BULK_FROM = 50_000;

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final List<AfterDemoData> afterwards;

    DemoData(DataSource dataSource, TransactionTemplate transactions, JsonMapper json, List<AfterDemoData> afterwards) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.json = json;
        this.afterwards = afterwards;
    }

    /** What a run added, and how long it took. */
    public record Result(
            int contacts,
            int emails,
            int contactTags,
            int followUps,
            int membersCreated,
            int tagsCreated,
            Events events,
            Duration took) {}

    /**
     * The events a run added besides its contacts and their follow-ups: external groups and their
     * messages, push recipients, opt-outs and tasks.
     */
    public record Events(int groups, int guests, int messages, int pushes, int pushRecipients, int optOuts, int tasks) {

        /** Everything that happened: contacts added, follow-ups, messages, push recipients reached or not, opt-outs, tasks. */
        public long total(Result result) {
            return (long) result.contacts() + result.followUps() + messages + pushRecipients + optOuts + tasks;
        }
    }

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
        ExecutorService maker = Executors.newSingleThreadExecutor(r -> new Thread(r, "demo-data"));
        OrgSetup.Setup setup;
        try {
            setup = transactions.execute(s -> {
                try {
                    return load(orgId, contacts, seed, progress, start, counts, maker);
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Could not make up the demo data", e.getCause());
                }
            });
        } finally {
            maker.shutdownNow();
        }
        // What autovacuum would do soon after: statistics for the planner, and the visibility map
        // that lets searches read the key index alone.
        if (contacts >= BULK_FROM) {
            progress.accept("Vacuuming and analyzing the tables");
            try (Connection c = dataSource.getConnection();
                    Statement statement = c.createStatement()) {
                statement.execute(
                        "VACUUM (ANALYZE) contact, contact_search, contact_word, contact_email, contact_tag, follow_up, member, member_department,"
                                + " department, tag, tag_group, conversation, conversation_contact, conversation_participant,"
                                + " guest, chat_message, chat_day, chat_day_contact, push, push_recipient, push_opt_out,"
                                + " push_consent_change, task, task_assignee, task_contact");
            }
        }
        for (AfterDemoData after : afterwards) {
            Instant began = Instant.now();
            progress.accept("Recomputing " + after.what());
            after.run(orgId);
            progress.accept("Recomputed " + after.what() + " in "
                    + Duration.between(began, Instant.now()).toSeconds() + " s");
        }
        return new Result(
                counts.contacts,
                counts.emails,
                counts.tags,
                counts.followUps,
                setup.membersCreated(),
                setup.tagsCreated(),
                new Events(
                        counts.groups,
                        counts.guests,
                        counts.messages,
                        counts.pushes,
                        counts.recipients,
                        counts.optOuts,
                        counts.tasks),
                Duration.between(start, Instant.now()));
    }

    /** Everything but the vacuum, in the caller's transaction. */
    private OrgSetup.Setup load(
            UUID orgId,
            int contacts,
            long seed,
            Consumer<String> progress,
            Instant start,
            Counts counts,
            ExecutorService maker)
            throws SQLException, InterruptedException, ExecutionException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        // Members draw from a stream of their own, so that they are not named like the first contacts.
        OrgSetup.Setup setup = new OrgSetup(c, orgId).prepare(new java.util.SplittableRandom(~seed));
        LongSet mobiles = TakenValues.mobiles(c, orgId);
        LongSet emails = TakenValues.emails(c, orgId);
        ContactRows rows = new ContactRows(orgId, json, setup, seed, mobiles, emails, start, zone(c, orgId));
        List<String> rebuild = new ArrayList<>();
        if (contacts >= BULK_FROM) {
            rebuild.addAll(dropIndexes(c, "contact"));
            rebuild.addAll(dropIndexes(c, "contact_search"));
            rebuild.addAll(dropForeignKeys(c, "contact_search"));
            rebuild.addAll(dropIndexes(c, "contact_word"));
            // The messages' search index costs most to grow row by row: once over all of them is far quicker.
            List<String> keys = dropForeignKeys(c, "chat_message");
            rebuild.addAll(dropIndexes(c, "chat_message"));
            rebuild.addAll(keys);
            rebuild.addAll(dropIndexes(c, "push_recipient"));
        }
        rebuild.addAll(pauseTagTriggers(c));
        int left = contacts;
        Future<ContactRows.Batch> next = maker.submit(() -> rows.next(Math.min(BATCH, contacts)));
        while (left > 0) {
            ContactRows.Batch batch = next.get();
            int made = batch.contacts.count();
            left -= made;
            int size = Math.min(BATCH, left);
            if (size > 0) {
                next = maker.submit(() -> rows.next(size));
            }
            counts.contacts += made;
            counts.emails += batch.emails;
            counts.tags += batch.tags;
            counts.followUps += batch.followUps.count();
            counts.groups += batch.chat.groups();
            counts.guests += batch.chat.guests.count();
            counts.messages += batch.chat.messages();
            counts.recipients += batch.pushes.recipients();
            counts.optOuts += batch.pushes.optOuts();
            counts.tasks += batch.tasks.tasks();
            batch.copy(dataSource);
            if (counts.contacts % 100_000 == 0 || left == 0) {
                progress.accept(
                        counts.contacts + " / " + contacts + " contacts, " + counts.messages + " messages after "
                                + Duration.between(start, Instant.now()).toSeconds() + " s");
            }
        }
        counts.pushes = insertPushes(c, orgId, rows.pushes());
        progress.accept("Indexing contacts and search keys");
        try (Statement statement = c.createStatement()) {
            statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (String index : rebuild) {
                statement.execute(index);
            }
        }
        return setup;
    }

    /**
     * Drops the indexes of {@code table} that no foreign key needs (with the primary key or unique
     * constraint an index backs), in the loading transaction, and answers the statements that build
     * them again: building an index once over millions of rows is far quicker than growing it row by
     * row.
     */
    private static List<String> dropIndexes(Connection c, String table) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (var statement = c.prepareStatement("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), k.conname, pg_get_constraintdef(k.oid)
                  FROM pg_index i
                  LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u')
                 WHERE i.indrelid = ?::regclass
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.conindid = i.indexrelid AND f.contype NOT IN ('p', 'u'))
                """)) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String constraint = rs.getString(3);
                    if (constraint == null) {
                        drops.add("DROP INDEX " + rs.getString(1));
                        definitions.add(rs.getString(2));
                    } else {
                        drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + constraint);
                        definitions.add(
                                "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " " + rs.getString(4));
                    }
                }
            }
        }
        try (Statement statement = c.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
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

    /** The organization's time zone, whose days the chat's activity per day follows. */
    private static ZoneId zone(Connection c, UUID orgId) throws SQLException {
        try (var statement = c.prepareStatement("SELECT time_zone FROM organization WHERE id = ?")) {
            statement.setObject(1, orgId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return ZoneId.of(rs.getString(1));
            }
        }
    }

    /** Writes the pushes whose recipients the batches wrote, with their audience sizes; answers how many. */
    private int insertPushes(Connection c, UUID orgId, PushRows pushes) throws SQLException {
        int written = 0;
        try (var statement = c.prepareStatement("""
                INSERT INTO push (org_id, id, name, created_by, subject, body, contact_filter, state, scheduled_at,
                                  audience_size, started_at, finished_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, 'done', ?, ?, ?, ?, ?)
                """)) {
            for (PushRows.Push push : pushes.pushes()) {
                if (push.audience == 0) {
                    continue;
                }
                statement.setObject(1, orgId);
                statement.setObject(2, push.id);
                statement.setString(3, push.name());
                statement.setObject(4, push.sender);
                statement.setString(5, push.subject());
                statement.setString(6, push.body());
                statement.setString(7, push.filter(json));
                statement.setObject(8, Stamps.at(push.startedAt));
                statement.setInt(9, push.audience);
                statement.setObject(10, Stamps.at(push.startedAt));
                statement.setObject(11, Stamps.at(push.finishedAt()));
                statement.setObject(12, Stamps.at(push.startedAt - Stamps.HOUR));
                statement.addBatch();
                written++;
            }
            statement.executeBatch();
        }
        return written;
    }

    private static final class Counts {
        int contacts;
        int emails;
        int tags;
        int followUps;
        int groups;
        int guests;
        int messages;
        int pushes;
        int recipients;
        int optOuts;
        int tasks;
    }
}
