package io.liaison.contact;

import io.liaison.contact.ContactImport.Applied;
import io.liaison.contact.ContactImport.Result;
import io.liaison.contact.ContactImport.Row;
import io.liaison.contact.ContactImport.Settings;
import io.liaison.contact.search.SearchKeyWriter;
import io.liaison.identity.Actor;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of an import job, from {@link ContactImport#start} until it is closed: stores the job's
 * batches, each in the caller's transaction. Once a batch commits, the name search keys of its new
 * contacts are written on a second connection while the caller reads the next batch (about 16 key
 * rows per contact cost the database more than the contacts themselves), and the planner's
 * statistics of the contact tables are refreshed once the run has stored {@value #FIRST_ANALYZE} rows
 * and then whenever it has doubled what it stored when it last did, so a million rows cost about eight
 * refreshes. A smaller import refreshes nothing: an ANALYZE of the shared tables takes seconds once
 * they hold a few hundred thousand contacts, more than the import itself, and the plans of its few
 * batches do not depend on them (autovacuum's own analyze catches up). Closing the run waits for the keys:
 * from then on, its contacts are all found by name.
 */
public final class ImportRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    private static final int FIRST_ANALYZE = 5_000;

    private final ContactImport contactImport;
    private final SearchKeyWriter keyWriter;
    private final Actor actor;
    private final Settings settings;
    private final boolean dryRun;
    private final TransactionTemplate separately;
    private @Nullable Future<?> keysInFlight;
    private int stored;
    private int analyzedAt;

    ImportRun(
            ContactImport contactImport,
            SearchKeyWriter keyWriter,
            PlatformTransactionManager transactions,
            Actor actor,
            Settings settings,
            boolean dryRun) {
        this.contactImport = contactImport;
        this.keyWriter = keyWriter;
        this.actor = actor;
        this.settings = settings;
        this.dryRun = dryRun;
        // After a commit the finished transaction is still bound to the thread: work then needs its own.
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores a batch of rows in the caller's transaction, or, in a dry run, answers what storing
     * them would do and rolls them back at once.
     */
    public List<Result> store(List<Row> rows) {
        if (dryRun) {
            return contactImport.preview(actor, settings, rows);
        }
        Applied applied = contactImport.store(actor, settings, rows);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed(applied.keys(), rows.size());
            }
        });
        return applied.results();
    }

    /** A batch is committed: its keys go to the writer once those of the batch before are written. */
    private void committed(SearchKeyWriter.@Nullable PendingKeys keys, int rows) {
        awaitKeys();
        if (keys != null) {
            keysInFlight = keyWriter.write(keys);
        }
        stored += rows;
        if (stored >= Math.max(FIRST_ANALYZE, analyzedAt * 2)) {
            separately.executeWithoutResult(s -> contactImport.refreshStatistics());
            analyzedAt = stored;
        }
    }

    /** Waits for the keys of the last batch; when writing them failed, they are written again here. */
    private void awaitKeys() {
        Future<?> inFlight = keysInFlight;
        if (inFlight == null) {
            return;
        }
        keysInFlight = null;
        try {
            inFlight.get();
        } catch (ExecutionException e) {
            log.warn("Import {}: writing search keys failed, writing them again", settings.jobId(), e.getCause());
            separately.executeWithoutResult(s -> keyWriter.repair(settings.jobId()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "Interrupted while the search keys of import " + settings.jobId() + " were written", e);
        }
    }

    /** Waits until the contacts of every batch committed in this run are found by name. */
    @Override
    public void close() {
        awaitKeys();
    }
}
