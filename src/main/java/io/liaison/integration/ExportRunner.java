package io.liaison.integration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactService;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.Tag;
import io.liaison.contact.TagGroup;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonProperties;
import io.liaison.shared.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes export files as db-scheduler tasks: the contacts are read a page at a time through the
 * list's own query (the actor's visibility and filter, in SQL) and streamed to the file, so that no
 * export holds its rows in memory. A job interrupted by a restart writes its file again.
 */
@Configuration(proxyBeanMethods = false)
class ExportRunner {

    static final String TASK = "contact-export";
    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);

    private final ExportJobRepository jobs;
    private final JobEnds ends;
    private final ContactService contacts;
    private final MemberService members;
    private final ContactSetup setup;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Path directory;
    private final Duration keepFiles;
    private final JobFailures failures;

    ExportRunner(
            ExportJobRepository jobs,
            ContactService contacts,
            MemberService members,
            ContactSetup setup,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            LiaisonProperties properties,
            ImportSettings settings,
            JobFailures failures,
            JobEnds ends) {
        this.jobs = jobs;
        this.ends = ends;
        this.failures = failures;
        this.contacts = contacts;
        this.members = members;
        this.setup = setup;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.directory = properties.dataDir().resolve("exports");
        this.keepFiles = settings.keepFiles();
    }

    @Bean
    OneTimeTask<String> exportTask() {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(JobFailures.<String>retryTransient((id, cause) -> exhausted(UUID.fromString(id), cause)))
                .execute((instance, context) -> run(UUID.fromString(instance.getData())));
    }

    /** A job whose transient failures outlasted its tries. */
    private void exhausted(UUID id, Throwable cause) {
        log.error("Export {} failed {} times; it is not tried again", id, JobFailures.ATTEMPTS, cause);
        jobs.findForRun(id)
                .ifPresent(job -> ends.endExport(id, "failed", 0, failures.reason("job.failure.retries", cause), null));
    }

    Path file(UUID id) {
        return directory.resolve(id.toString());
    }

    /**
     * Writes the job's file; the job ends completed with its row count, or failed with the reason.
     * Only a transient failure is thrown, for db-scheduler to try the job again.
     */
    void run(UUID id) {
        Optional<ExportJob> found = jobs.findForRun(id);
        if (found.isEmpty()
                || !List.of("queued", "running").contains(found.get().status())) {
            return;
        }
        ExportJob job = found.get();
        Optional<Actor> actor = members.actor(job.createdBy());
        if (actor.isEmpty()) {
            ends.endExport(id, "failed", 0, failures.reason(Message.of("job.failure.inactive-member")), null);
            return;
        }
        jobs.start(id);
        Path partial = directory.resolve(id + ".part");
        try {
            Files.createDirectories(directory);
            Counts counts;
            try (OutputStream out = Files.newOutputStream(partial);
                    ExportWriter writer = writer(job, actor.get(), out)) {
                counts = write(job, actor.get(), writer);
            }
            Files.move(partial, file(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            transaction.executeWithoutResult(s -> {
                events.publishEvent(new ContactsExported(
                        actor.get().orgId(),
                        actor.get().memberId(),
                        id,
                        job.format(),
                        job.settings().filter(),
                        job.settings().contactIds().size(),
                        counts.rows,
                        counts.unmasked));
                ends.endExport(
                        id, "completed", counts.rows, null, OffsetDateTime.now().plus(keepFiles));
            });
        } catch (IOException | UncheckedIOException e) {
            log.error("Export {} could not write its file", id, e);
            failed(id, partial, failures.reason("export.failure.file", e));
        } catch (RuntimeException e) {
            failed(id, partial, failures.reasonOrRetry("Export", id, e));
        }
    }

    private void failed(UUID id, Path partial, String reason) {
        ends.endExport(id, "failed", 0, reason, null);
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            log.warn("Export {}: its partial file {} could not be deleted", id, partial, e);
        }
    }

    private static final class Counts {
        int rows;
        int unmasked;
    }

    private Counts write(ExportJob job, Actor actor, ExportWriter writer) throws IOException {
        Counts counts = new Counts();
        if (!job.settings().contactIds().isEmpty()) {
            for (Contact c : contacts.exportByIds(actor, job.settings().contactIds())) {
                written(actor, writer, c, counts);
            }
            return counts;
        }
        // The filter as the request was checked when the job started.
        ContactFilter filter = new ExportRequest(
                        job.format(),
                        job.settings().filter(),
                        List.of(),
                        job.settings().vcardVersion())
                .contactFilter();
        String cursor = null;
        do {
            CursorPage<Contact> page = contacts.exportPage(actor, filter, cursor, PAGE);
            for (Contact c : page.items()) {
                written(actor, writer, c, counts);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return counts;
    }

    private static void written(Actor actor, ExportWriter writer, Contact c, Counts counts) throws IOException {
        writer.write(c);
        counts.rows++;
        if (!c.masked() && actor.maskContactDetails() && !c.ownerId().equals(actor.memberId())) {
            counts.unmasked++;
        }
    }

    /** Display names of the owners, each looked up once. */
    private Function<UUID, String> ownerNames(Actor actor) {
        Map<UUID, String> names = new HashMap<>();
        return id -> names.computeIfAbsent(
                id, owner -> members.displayNames(actor, List.of(owner), false).getOrDefault(owner, ""));
    }

    private ExportWriter writer(ExportJob job, Actor actor, OutputStream out) throws IOException {
        Map<UUID, String> tagNames = new HashMap<>();
        for (TagGroup group : setup.tagGroups(actor)) {
            for (Tag tag : group.tags()) {
                tagNames.put(tag.id(), tag.name());
            }
        }
        if (job.format().equals("vcard")) {
            return new VcardExportWriter(out, job.settings().vcardVersion(), tagNames);
        }
        ExportColumns columns = new ExportColumns(
                job.settings().language(),
                setup.customFields(actor),
                contacts.externalIdSources(actor),
                tagNames,
                ownerNames(actor),
                actor.organizationTimeZone());
        return job.format().equals("xlsx")
                ? new XlsxExportWriter(out, columns, job.settings().language().startsWith("zh") ? "联系人" : "Contacts")
                : new CsvExportWriter(out, columns);
    }
}
