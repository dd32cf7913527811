package io.liaison.integration;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import io.liaison.access.ContactPermissions;
import io.liaison.contact.ContactImport;
import io.liaison.contact.ContactSetup;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.shared.Ids;
import io.liaison.shared.InvalidValue;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts import jobs from an uploaded file, shows how they stand and what they refused, cancels
 * them, and previews a file's first rows as they would be imported.
 */
@Service
public class ImportService {

    static final int PREVIEW_ROWS = 10;

    private final ImportJobRepository jobs;
    private final ImportUploads uploads;
    private final ImportFiles files;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final CustomTask<String> task;
    private final ContactImport contactImport;
    private final ContactSetup setup;
    private final Directory.Services directoryServices;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final ImportLimits limits;

    private final StoredMessages texts;

    ImportService(
            ImportJobRepository jobs,
            ImportUploads uploads,
            ImportFiles files,
            ObjectProvider<SchedulerClient> scheduler,
            CustomTask<String> importTask,
            ContactImport contactImport,
            MemberService members,
            OrganizationService organizations,
            ContactSetup setup,
            PlatformTransactionManager transactions,
            ImportSettings settings,
            StoredMessages texts) {
        this.texts = texts;
        this.directoryServices = new Directory.Services(setup, members, organizations, texts);
        this.jobs = jobs;
        this.uploads = uploads;
        this.files = files;
        this.scheduler = scheduler;
        this.task = importTask;
        this.contactImport = contactImport;
        this.setup = setup;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.limits = ImportLimits.of(settings);
    }

    /** Stores the file and starts a job on it. */
    public ImportJob start(Actor actor, InputStream file, String fileName, ImportOptions options) {
        permitted(actor, options);
        UUID id = Ids.newId();
        long size = files.store(id, file);
        try {
            return begin(actor, id, fileName, size, options);
        } catch (RuntimeException e) {
            files.delete(id);
            throw e;
        }
    }

    /** Starts a job on a file uploaded for a preview. */
    public ImportJob start(Actor actor, UUID uploadId, ImportOptions options) {
        permitted(actor, options);
        ImportUploads.Upload upload = uploads.find(actor.orgId(), actor.memberId(), uploadId)
                .orElseThrow(() -> LiaisonException.invalid("uploadId", "invalid.upload-gone"));
        // The job takes the upload's id and file; a refused start leaves the upload to try again.
        return begin(actor, uploadId, upload.fileName(), upload.fileSize(), options);
    }

    private ImportJob begin(Actor actor, UUID id, String fileName, long size, ImportOptions options) {
        String format = ImportFormat.of(files.path(id), options.format());
        List<String> header = header(id, format, options.sheet());
        Directory directory = directory(actor, false);
        ColumnMapping mapping = mapping(header, options, directory);
        requireColumns(mapping, header, options, sheets(id, format));
        ImportJob job = new ImportJob(
                id,
                actor.memberId(),
                name(fileName),
                size,
                format,
                options.mode(),
                options.match(),
                options.dryRun(),
                new ImportJob.Settings(
                        header,
                        mapping.byHeader(header),
                        options.defaultOwnerId(),
                        options.createMissingTags(),
                        options.sheet()),
                ImportJob.QUEUED,
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                false,
                OffsetDateTime.now(),
                null,
                null);
        transaction.executeWithoutResult(s -> {
            uploads.remove(actor.orgId(), id);
            jobs.insert(actor.orgId(), job);
        });
        schedule(id);
        return get(actor, id);
    }

    private void permitted(Actor actor, ImportOptions options) {
        MergePatch.atMost("mapping", options.mapping(), limits.maxColumns());
        if (!options.mode().equals("update") && !actor.can(ContactPermissions.CREATE)) {
            throw LiaisonException.forbidden("forbidden.import-contacts");
        }
        if (options.defaultOwnerId() != null
                && !options.defaultOwnerId().equals(actor.memberId())
                && !actor.can(ContactPermissions.ASSIGN)) {
            throw LiaisonException.forbidden("forbidden.import-contacts-for-another-member");
        }
        Directory.requireTagRights(actor, options.createMissingTags());
    }

    private List<String> sheets(UUID id, String format) {
        if (!format.equals(ImportFormat.XLSX)) {
            return List.of();
        }
        try {
            return XlsxSheet.names(files.path(id), limits);
        } catch (IOException e) {
            throw LiaisonException.invalid("file", "invalid.unreadable-file", Message.of("import.format." + format));
        }
    }

    private List<String> header(UUID id, String format, @Nullable String sheetName) {
        try (Sheet sheet = ImportFormat.open(files.path(id), format, sheetName, limits)) {
            if (sheet.header().stream().allMatch(String::isBlank)) {
                throw LiaisonException.invalid("file", "invalid.no-header");
            }
            return sheet.header();
        } catch (LiaisonException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw LiaisonException.invalid("file", "invalid.unreadable-file", Message.of("import.format." + format));
        }
    }

    private Directory directory(Actor actor, boolean createMissingTags) {
        return new Directory(actor, directoryServices, createMissingTags);
    }

    private static ColumnMapping mapping(List<String> header, ImportOptions options, Directory directory) {
        try {
            return ColumnMapping.of(header, options.mapping(), directory.customFieldKeysByLabel());
        } catch (InvalidValue e) {
            throw LiaisonException.invalid(List.of(LiaisonException.FieldError.of("mapping", e.rule())));
        }
    }

    /**
     * A new contact needs a name; an update needs the field it is found by. In a workbook of several
     * worksheets, the wrong one may have been read: the message names the others.
     */
    private static void requireColumns(
            ColumnMapping mapping, List<String> header, ImportOptions options, List<String> sheets) {
        if (!options.mode().equals("update") && !mapping.maps("name")) {
            String read = options.sheet() != null ? options.sheet() : sheets.isEmpty() ? "" : sheets.get(0);
            throw LiaisonException.invalid(
                    "mapping",
                    sheets.size() > 1 ? "invalid.no-name-column-sheets" : "invalid.no-name-column",
                    header.toString(),
                    read,
                    sheets.toString());
        }
        String needed = switch (options.match()) {
            case "email" -> "email";
            case "externalId" -> "externalId:";
            default -> options.match().equals("mobile") ? "mobile" : "name";
        };
        // A phone column fills the mobile when there is no mobile column (see RowMapper).
        boolean found = mapping.targets().stream()
                .anyMatch(t -> t.equals(needed)
                        || (needed.endsWith(":") && t.startsWith(needed))
                        || (needed.equals("mobile") && t.equals("phone")));
        if (options.mode().equals("update") && !found) {
            throw LiaisonException.invalid(
                    "match",
                    "invalid.no-match-column",
                    Message.of("import.match." + options.match().replace('+', '-')));
        }
    }

    private static String name(String fileName) {
        String clean = fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (clean.isEmpty()) {
            return "upload";
        }
        return clean.length() > 255 ? clean.substring(clean.length() - 255) : clean;
    }

    public ImportJob get(Actor actor, UUID id) {
        return jobs.find(actor.orgId(), actor.memberId(), id)
                .orElseThrow(() -> LiaisonException.notFound("import", id));
    }

    public List<ImportJob> recent(Actor actor) {
        return jobs.recent(actor.orgId(), actor.memberId(), 20);
    }

    /** Asks a queued or running job to stop after its current batch; what it committed stays. */
    public ImportJob cancel(Actor actor, UUID id) {
        ImportJob job = get(actor, id);
        if (!job.finished()) {
            jobs.requestCancel(actor.orgId(), id);
        }
        return get(actor, id);
    }

    /** A row a job did not import, or imported in part: its number, name cell, outcome and reason. */
    public record ProblemRow(
            int record, String name, String kind, @Nullable String reason) {}

    /** The first {@code limit} rows a job did not import or imported in part, said in the reader's language. */
    public List<ProblemRow> problems(Actor actor, UUID id, int limit) {
        ImportJob job = get(actor, id);
        int name = job.settings()
                .header()
                .indexOf(job.settings().mapping().entrySet().stream()
                        .filter(e -> e.getValue().equals("name"))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(""));
        return jobs.firstProblems(actor.orgId(), id, limit).stream()
                .map(p -> new ProblemRow(
                        p.record(),
                        name >= 0 && name < p.cells().size() ? p.cells().get(name) : "",
                        p.kind(),
                        texts.read(p.reason())))
                .toList();
    }

    /**
     * The rows a job did not import, and notes on rows it imported in part, as CSV in UTF-8 with a
     * byte-order mark: row number, result, reason, then the row's cells under the file's header.
     */
    public void writeProblems(Actor actor, UUID id, Locale locale, OutputStream out) throws IOException {
        ImportJob job = get(actor, id);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        List<String> header = new ArrayList<>(List.of(
                texts.text(Message.of("import.report.row"), locale),
                texts.text(Message.of("import.report.result"), locale),
                texts.text(Message.of("import.report.reason"), locale)));
        header.addAll(job.settings().header());
        csv.printRecord(header);
        readOnly.executeWithoutResult(s -> jobs.problems(actor.orgId(), id, p -> {
            List<String> row = new ArrayList<>(List.of(
                    String.valueOf(p.record()),
                    texts.text(Message.of("import.outcome." + p.kind()), locale),
                    texts.text(texts.message(p.reason()), locale)));
            row.addAll(p.cells());
            try {
                csv.printRecord(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        csv.flush();
    }

    /**
     * A file's first rows as they would be imported, with the mapping used, for the user to correct;
     * for a workbook, its worksheets' names too (empty for other files).
     */
    public record Preview(
            UUID uploadId,
            String format,
            List<String> sheets,
            List<String> header,
            Map<String, String> mapping,
            List<PreviewRow> rows) {}

    public record PreviewRow(
            int record,
            @ArraySchema(schema = @Schema(example = "王芳")) List<String> cells,
            String outcome,
            @Nullable String reason,
            @Nullable String note) {}

    /** Keeps the file as an upload, to import by its id later, and answers its first rows. */
    public Preview preview(Actor actor, InputStream file, String fileName, ImportOptions options) {
        permitted(actor, options);
        UUID id = Ids.newId();
        long size = files.store(id, file);
        try {
            Preview preview = preview(actor, id, options);
            transaction.executeWithoutResult(
                    s -> uploads.insert(actor.orgId(), actor.memberId(), id, name(fileName), size));
            return preview;
        } catch (RuntimeException e) {
            files.delete(id);
            throw e;
        }
    }

    /** The first rows of an earlier upload again, with another mapping or other options. */
    public Preview preview(Actor actor, UUID uploadId, ImportOptions options) {
        permitted(actor, options);
        if (!files.exists(uploadId)) {
            throw LiaisonException.invalid("uploadId", "invalid.upload-gone");
        }
        String format = ImportFormat.of(files.path(uploadId), options.format());
        List<String> header = header(uploadId, format, options.sheet());
        Directory directory = directory(actor, options.createMissingTags());
        ColumnMapping mapping = mapping(header, options, directory);
        List<PreviewRow> rows = transaction.execute(s -> {
            s.setRollbackOnly();
            return new FirstRows(files, contactImport, limits, texts)
                    .read(actor, uploadId, format, mapping, directory, options);
        });
        return new Preview(uploadId, format, sheets(uploadId, format), header, mapping.byHeader(header), rows);
    }

    /** The workbook to fill in, headed in the language given, with the organization's custom fields. */
    public void writeTemplate(Actor actor, String language, OutputStream out) throws IOException {
        ImportTemplate.write(out, language, setup.customFields(actor));
    }

    /** The fields a column can be imported into: the contact's own, then the custom fields by key. */
    public List<String> targets(Actor actor) {
        List<String> targets = new ArrayList<>(ColumnMapping.FIELDS);
        setup.customFields(actor).forEach(f -> targets.add("custom:" + f.key()));
        return targets;
    }

    /** Jobs that were running or queued when the last node stopped get their task again. */
    @EventListener(ApplicationReadyEvent.class)
    void reschedule() {
        jobs.unfinished().forEach(this::schedule);
    }

    /** Hands the job to db-scheduler; without it (db-scheduler.enabled=false) the job waits to be run directly. */
    private void schedule(UUID id) {
        scheduler.ifAvailable(s -> s.scheduleIfNotExists(task.schedulableInstance(id.toString(), id.toString())));
    }
}
