package io.liaison.integration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.liaison.contact.ContactImport;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.ImportRun;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.shared.InvalidValue;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs as db-scheduler tasks, so that one node runs each and a job whose node died is
 * picked up again. A job reads its file from the record after the last committed batch; each batch
 * commits its contacts, its problems and the job's counters together; a job is finished only when
 * contact says its contacts are all found ({@link ImportRun#close}). When the node shuts down, the
 * job stops after its current batch and is rescheduled to go on at once. Each batch first locks the
 * job's row where it expects the job to stand: a node that was only slow, whose job another node
 * took over meanwhile, finds the job moved on and leaves it without writing a row.
 */
@Configuration(proxyBeanMethods = false)
class ImportRunner {

    static final String TASK = "contact-import";
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobRepository jobs;
    private final JobEnds ends;
    private final ImportFiles files;
    private final ContactImport contactImport;
    private final MemberService members;
    private final Directory.Services directoryServices;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final ImportLimits limits;
    private final JobFailures failures;

    private final StoredMessages texts;

    ImportRunner(
            ImportJobRepository jobs,
            ImportFiles files,
            ContactImport contactImport,
            MemberService members,
            OrganizationService organizations,
            ContactSetup setup,
            PlatformTransactionManager transactions,
            ImportSettings settings,
            JobFailures failures,
            StoredMessages texts,
            JobEnds ends) {
        this.texts = texts;
        this.ends = ends;
        this.directoryServices = new Directory.Services(setup, members, organizations, texts);
        this.jobs = jobs;
        this.failures = failures;
        this.files = files;
        this.contactImport = contactImport;
        this.members = members;
        this.transaction = new TransactionTemplate(transactions);
        this.batchSize = settings.batchSize();
        this.limits = ImportLimits.of(settings);
    }

    @Bean
    CustomTask<String> importTask() {
        return Tasks.custom(TASK, String.class)
                .onDeadExecutionRevive()
                .onFailure(JobFailures.<String>retryTransient((id, cause) -> exhausted(UUID.fromString(id), cause)))
                .execute((instance, context) -> {
                    boolean done = run(
                            UUID.fromString(instance.getData()),
                            () -> context.getSchedulerState().isShuttingDown());
                    return done ? stop() : again();
                });
    }

    /** A job whose transient failures outlasted its tries. */
    private void exhausted(UUID id, Throwable cause) {
        log.error("Import {} failed {} times; it is not tried again", id, JobFailures.ATTEMPTS, cause);
        jobs.findForRun(id)
                .ifPresent(job -> ends.endImport(id, ImportJob.FAILED, failures.reason("job.failure.retries", cause)));
    }

    private static CompletionHandler<String> stop() {
        return (complete, operations) -> operations.stop();
    }

    private static CompletionHandler<String> again() {
        return (complete, operations) -> operations.reschedule(complete, Instant.now());
    }

    /**
     * Works on the job until it is finished (true) or {@code stopping} says the node is shutting
     * down (false: run it again). A failure that would fail again ends the job failed with its
     * reason; only a transient one is thrown, for db-scheduler to try the job again.
     */
    boolean run(UUID jobId, BooleanSupplier stopping) {
        Optional<ImportJob> found = jobs.findForRun(jobId);
        if (found.isEmpty() || found.get().finished()) {
            return true;
        }
        ImportJob job = found.get();
        Optional<Actor> actor = members.actor(job.createdBy());
        if (actor.isEmpty()) {
            ends.endImport(jobId, ImportJob.FAILED, failures.reason(Message.of("job.failure.inactive-member")));
            return true;
        }
        try {
            return new Work(job, actor.get(), stopping).run();
        } catch (TakenOver e) {
            log.warn("Import {} went on without this node after record {}; this node leaves it", jobId, e.from);
            return true;
        } catch (IOException e) {
            log.info("Import {} stopped at a record it cannot read: {}", jobId, e.getMessage());
            ends.endImport(jobId, ImportJob.FAILED, failures.reason("job.failure.unreadable", e));
            return true;
        } catch (RuntimeException e) {
            ends.endImport(jobId, ImportJob.FAILED, failures.reasonOrRetry("Import", jobId, e));
            return true;
        }
    }

    /** One run of a job, from where it stands to its end or the node's shutdown. */
    private final class Work {

        private final ImportJob job;
        private final Actor actor;
        private final BooleanSupplier stopping;
        private final ContactImport.Settings settings;
        private final Directory directory;
        private final boolean lenient;

        Work(ImportJob job, Actor actor, BooleanSupplier stopping) {
            this.job = job;
            this.actor = actor;
            this.stopping = stopping;
            this.lenient = job.format().equals(ImportFormat.VCARD);
            this.settings = new ContactImport.Settings(
                    job.id(),
                    ImportOptions.mode(job.mode()),
                    ImportOptions.match(job.match()),
                    lenient,
                    new EarlierRows());
            this.directory =
                    new Directory(actor, directoryServices, job.settings().createMissingTags());
        }

        boolean run() throws IOException {
            @Nullable String end;
            try (ImportRun contacts = contactImport.start(actor, settings, job.dryRun())) {
                end = work(contacts);
            }
            if (end == null) {
                return false;
            }
            ends.endImport(job.id(), end, null);
            return true;
        }

        /** Works through the batches; answers how the job ends, or null when it pauses for the shutdown. */
        private @Nullable String work(ImportRun contacts) throws IOException {
            if (job.total() == null) {
                jobs.start(job.id(), count());
            }
            try (Sheet sheet = ImportFormat.open(
                    files.path(job.id()), job.format(), job.settings().sheet(), limits)) {
                ColumnMapping mapping =
                        ColumnMapping.of(sheet.header(), job.settings().mapping(), directory.customFieldKeysByLabel());
                RowMapper mapper =
                        new RowMapper(mapping, directory, job.settings().defaultOwnerId(), job.format());
                int position = 0;
                while (position < job.nextRecord() && sheet.next() != null) {
                    position++;
                }
                while (true) {
                    List<Sheet.Record> batch = new ArrayList<>(batchSize);
                    Sheet.Record record;
                    while (batch.size() < batchSize && (record = sheet.next()) != null) {
                        batch.add(record);
                    }
                    int from = position;
                    position += batch.size();
                    if (!batch.isEmpty()) {
                        int next = position;
                        transaction.executeWithoutResult(s -> {
                            if (!jobs.claim(job.id(), from)) {
                                throw new TakenOver(from);
                            }
                            apply(contacts, batch, mapper, next);
                        });
                    }
                    if (batch.size() < batchSize) {
                        return ImportJob.COMPLETED;
                    }
                    if (jobs.cancelRequested(job.id())) {
                        return ImportJob.CANCELLED;
                    }
                    if (stopping.getAsBoolean()) {
                        log.info(
                                "Import {} pauses after record {} for the shutdown; it goes on from there",
                                job.id(),
                                position);
                        return null;
                    }
                }
            }
        }

        /** The non-blank records of the file, which the progress counts towards. */
        private int count() throws IOException {
            int total = 0;
            try (Sheet sheet = ImportFormat.open(
                    files.path(job.id()), job.format(), job.settings().sheet(), limits)) {
                Sheet.Record record;
                while ((record = sheet.next()) != null) {
                    if (!record.blank()) {
                        total++;
                    }
                }
            }
            return total;
        }

        /** One batch in one transaction: the contacts (rolled back at once in a dry run), problems, counters. */
        private void apply(ImportRun contacts, List<Sheet.Record> batch, RowMapper mapper, int next) {
            List<ImportJobRepository.Problem> problems = new ArrayList<>();
            Map<ContactImport.Outcome, Integer> counts = new EnumMap<>(ContactImport.Outcome.class);
            List<ContactImport.Row> rows = new ArrayList<>();
            Map<Integer, List<String>> cells = new HashMap<>();
            for (Sheet.Record record : batch) {
                if (record.blank()) {
                    continue;
                }
                cells.put(record.number(), record.cells());
                if (record.problem() != null) {
                    problems.add(new ImportJobRepository.Problem(
                            record.number(), "failed", texts.store(record.problem()), record.cells()));
                    counts.merge(ContactImport.Outcome.FAILED, 1, Integer::sum);
                    continue;
                }
                try {
                    rows.add(mapper.map(record, lenient));
                } catch (InvalidValue e) {
                    problems.add(new ImportJobRepository.Problem(
                            record.number(), "failed", texts.store(e.rule()), record.cells()));
                    counts.merge(ContactImport.Outcome.FAILED, 1, Integer::sum);
                }
            }
            List<ContactImport.Result> results = contacts.store(rows);
            if (job.dryRun()) {
                directory.rolledBack();
            } else {
                directory.committed();
            }
            for (ContactImport.Result r : results) {
                counts.merge(r.outcome(), 1, Integer::sum);
                if (r.reason() != null) {
                    String kind = r.outcome() == ContactImport.Outcome.SKIPPED ? "skipped" : "failed";
                    problems.add(new ImportJobRepository.Problem(
                            r.record(), kind, texts.store(r.reason()), cells.get(r.record())));
                }
                if (r.note() != null && r.reason() == null) {
                    problems.add(new ImportJobRepository.Problem(
                            r.record(), "note", texts.store(r.note()), cells.get(r.record())));
                }
            }
            jobs.addProblems(actor.orgId(), job.id(), problems);
            jobs.advance(job.id(), next, counts);
        }
    }

    /** The job's row has moved on without this run: another node runs the job now. */
    private static final class TakenOver extends RuntimeException {

        private final int from;

        TakenOver(int from) {
            super(null, null, false, false);
            this.from = from;
        }
    }
}
