package io.liaison.contact.search;

import io.liaison.shared.CopyRows;
import io.liaison.shared.Ids;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the name and word search keys of an import's new contacts on its own connection and thread, after
 * their batch is committed: about 16 key rows per contact cost the database more than the contacts
 * themselves, and so they are built while the import reads its next batch. Until then the batch's
 * contacts are listed but not yet found by name. A batch whose keys never made it (the node died
 * in between) is recorded in {@code contact_search_pending} and {@link #repair}ed.
 */
@Component
public class SearchKeyWriter {

    private static final Logger log = LoggerFactory.getLogger(SearchKeyWriter.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final SearchKeys keys;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-key-writer");
        thread.setDaemon(true);
        return thread;
    });

    SearchKeyWriter(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, SearchKeys keys) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.keys = keys;
    }

    /** A new contact as its keys need it: its phone numbers are its mobile and its other phones. */
    public record Named(
            UUID contactId,
            String name,
            UUID ownerId,
            @Nullable String company,
            @Nullable String remark,
            List<@Nullable String> numbers) {}

    /** A key row; the ids as text, made once per contact rather than once per key. */
    private record Key(String key, int tier, String contactId, String ownerId) {}

    /** The keys of a committed batch of new contacts, waiting for {@link #write}. */
    public static final class PendingKeys {
        private final UUID id;
        private final UUID orgId;
        private final List<Named> contacts;

        private PendingKeys(UUID id, UUID orgId, List<Named> contacts) {
            this.id = id;
            this.orgId = orgId;
            this.contacts = contacts;
        }

        private UUID[] contactIds() {
            return contacts.stream().map(Named::contactId).toArray(UUID[]::new);
        }
    }

    /** Records, in the transaction that creates the contacts, that their keys are still to be written. */
    public PendingKeys stage(UUID orgId, UUID jobId, List<Named> contacts) {
        PendingKeys pending = new PendingKeys(Ids.newId(), orgId, contacts);
        jdbc.sql("INSERT INTO contact_search_pending (id, org_id, job_id, contact_ids) VALUES (?, ?, ?, ?)")
                .params(pending.id, orgId, jobId, pending.contactIds())
                .update();
        return pending;
    }

    /** Writes the keys on the writer's thread, one batch after the other; call once the batch is committed. */
    public Future<?> write(PendingKeys pending) {
        return executor.submit(() -> transactions.executeWithoutResult(s -> writeNow(pending)));
    }

    /**
     * Locks the contacts as every other change of their keys does, then writes the name keys and
     * the word keys of those that are still live and have none of that kind: a contact renamed (or
     * given another company, remark or phone) or trashed in the meantime already has the keys it
     * should.
     */
    void writeNow(PendingKeys pending) {
        Set<UUID> withoutNames = new HashSet<>();
        Set<UUID> withoutWords = new HashSet<>();
        jdbc.sql("""
                        SELECT id, NOT EXISTS (SELECT 1 FROM contact_search k WHERE k.contact_id = c.id) AS names,
                               NOT EXISTS (SELECT 1 FROM contact_word w WHERE w.contact_id = c.id) AS words
                          FROM contact c
                         WHERE org_id = ? AND id = ANY (?) AND trashed_at IS NULL
                         ORDER BY id FOR UPDATE
                        """)
                .params(pending.orgId, pending.contactIds())
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    if (rs.getBoolean("names")) {
                        withoutNames.add(id);
                    }
                    if (rs.getBoolean("words")) {
                        withoutWords.add(id);
                    }
                    return id;
                })
                .list();
        List<Key> rows = new ArrayList<>(pending.contacts.size() * 20);
        List<Key> words = new ArrayList<>(pending.contacts.size() * 40);
        for (Named c : pending.contacts) {
            String id = c.contactId().toString();
            String owner = c.ownerId().toString();
            if (withoutNames.contains(c.contactId())) {
                SearchText.nameKeys(c.name()).forEach((key, tier) -> rows.add(new Key(key, tier, id, owner)));
            }
            if (withoutWords.contains(c.contactId())) {
                SearchText.wordKeys(c.company(), c.remark(), c.numbers())
                        .forEach(key -> words.add(new Key(key, 0, id, owner)));
            }
        }
        // In the order of the index, so that the B-tree takes them page after page.
        Comparator<Key> order =
                Comparator.comparing(Key::key).thenComparingInt(Key::tier).thenComparing(Key::contactId);
        rows.sort(order);
        words.sort(order);
        CopyRows copy =
                new CopyRows("contact_search (org_id, key, tier, recency, contact_id, owner_id)", rows.size() * 110);
        CopyRows wordCopy =
                new CopyRows("contact_word (org_id, key, recency, contact_id, owner_id)", words.size() * 100);
        // A new contact has not been contacted: recency 0, as contact_recency(NULL) gives.
        String orgId = pending.orgId.toString();
        rows.forEach(k -> copy.add(orgId, k.key(), k.tier(), 0, k.contactId(), k.ownerId()));
        words.forEach(k -> wordCopy.add(orgId, k.key(), 0, k.contactId(), k.ownerId()));
        copy.copy(dataSource);
        wordCopy.copy(dataSource);
        jdbc.sql("DELETE FROM contact_search_pending WHERE id = ?")
                .param(pending.id)
                .update();
    }

    /** Writes again the keys of the job's batches that never got them; answers how many batches. */
    public int repair(UUID jobId) {
        return repair(jdbc.sql("SELECT id FROM contact_search_pending WHERE job_id = ?")
                .param(jobId)
                .query(UUID.class)
                .list());
    }

    /** Writes again the keys of every batch left waiting longer than {@code age}. */
    int repairOlderThan(Duration age) {
        return repair(
                jdbc.sql("SELECT id FROM contact_search_pending WHERE created_at < now() - make_interval(secs => ?)")
                        .param(age.toSeconds())
                        .query(UUID.class)
                        .list());
    }

    private int repair(List<UUID> batches) {
        for (UUID id : batches) {
            transactions.executeWithoutResult(s -> jdbc.sql(
                            "DELETE FROM contact_search_pending WHERE id = ? RETURNING org_id, contact_ids")
                    .param(id)
                    .query((rs, n) -> new Left(rs.getObject("org_id", UUID.class), (UUID[])
                            rs.getArray("contact_ids").getArray()))
                    .optional()
                    .ifPresent(left -> keys.rewrite(left.orgId(), List.of(left.contactIds()))));
        }
        if (!batches.isEmpty()) {
            log.info("Search keys written again for {} import batch(es) that had none", batches.size());
        }
        return batches.size();
    }

    private record Left(UUID orgId, UUID[] contactIds) {}

    /**
     * Lets the batch being written finish before the connections close; one cut short stays
     * recorded as pending and is written when its job runs again.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn(
                    "Search keys of an import batch were still being written at shutdown; they are written when the import runs again");
        }
    }
}
