package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactPermissions;
import io.liaison.contact.field.CustomFieldValues;
import io.liaison.contact.search.SearchKeyWriter;
import io.liaison.contact.tag.TagRules;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a batch of rows in the caller's transaction. Each row is the body a {@code POST
 * /contacts} takes and goes through the same checks; what a row matches decides, by the mode,
 * whether it creates a contact, changes one (only the fields the row has, recorded in the timeline)
 * or is skipped. A refused row is answered with its reason and never stops the others.
 */
@Service
public class ContactImport {

    public enum Mode {
        CREATE,
        UPSERT,
        UPDATE
    }

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        SKIPPED,
        FAILED
    }

    /**
     * A row of the file (its row number in the sheet, or the card's number) as an API body, with a
     * note on what reading it left out.
     */
    public record Row(
            int record,
            Map<String, @Nullable Object> body,
            @Nullable Message note,
            @Nullable String key) {

        /** A row matched by the key its values give under the import's {@link ImportMatch}. */
        public Row(int record, Map<String, @Nullable Object> body, @Nullable Message note) {
            this(record, body, note, null);
        }

        /** A row of a sync, matched by the one external id it names, whatever other ids it carries. */
        public static Row byExternalId(int record, Map<String, @Nullable Object> body, String source, String id) {
            return new Row(record, body, null, source + ":" + id);
        }
    }

    /**
     * What became of a row: the reason why it was skipped or failed, with the invalid fields it
     * named, and a note on what was left out.
     */
    public record Result(
            int record,
            Outcome outcome,
            @Nullable UUID contactId,
            @Nullable Message reason,
            @Nullable Message note,
            List<LiaisonException.FieldError> errors) {

        public Result(
                int record,
                Outcome outcome,
                @Nullable UUID contactId,
                @Nullable Message reason,
                @Nullable Message note) {
            this(record, outcome, contactId, reason, note, List.of());
        }
    }

    /** The match keys of earlier rows of the same file, across batches. */
    public interface EarlierRows {

        /** The record that first had {@code key}, or 0 when this is the first (which is then remembered). */
        int first(String key, int record);
    }

    /**
     * How to import: {@code lenient} leaves out the invalid values of a new contact (noted) instead
     * of refusing it, as long as its name is valid: a phone's address book holds such values.
     */
    public record Settings(
            UUID jobId, Mode mode, ImportMatch match, boolean lenient, EarlierRows earlier, String source) {

        public Settings(UUID jobId, Mode mode, ImportMatch match, boolean lenient, EarlierRows earlier) {
            this(jobId, mode, match, lenient, earlier, "import");
        }

        /**
         * A sync by external id: rows are JSON Merge Patches (a phone without a label has none), new
         * contacts come from {@code sync}, and a contact the actor cannot see is refused as taken,
         * as a {@code PUT} by its external id is.
         */
        public static Settings sync(UUID runId, EarlierRows earlier) {
            return new Settings(runId, Mode.UPSERT, ImportMatch.EXTERNAL_ID, false, earlier, "sync");
        }

        boolean isSync() {
            return source.equals("sync");
        }
    }

    final ContactService contacts;
    final ContactRepository repository;
    final ContactReferences references;
    final ImportMatches matches;
    private final ImportWriter writer;
    final TagRules tagRules;
    final CustomFieldValues customFields;
    final ContactAccess access;
    private final ApplicationEventPublisher events;
    final JsonMapper json;
    private final SearchKeyWriter keyWriter;
    private final PlatformTransactionManager transactions;
    final TransactionTemplate savepoint;

    ContactImport(
            ContactService contacts,
            ContactRepository repository,
            ContactReferences references,
            ImportMatches matches,
            ImportWriter writer,
            TagRules tagRules,
            CustomFieldValues customFields,
            ContactAccess access,
            ApplicationEventPublisher events,
            JsonMapper json,
            SearchKeyWriter keyWriter,
            PlatformTransactionManager transactions) {
        this.contacts = contacts;
        this.repository = repository;
        this.references = references;
        this.matches = matches;
        this.writer = writer;
        this.tagRules = tagRules;
        this.customFields = customFields;
        this.access = access;
        this.events = events;
        this.json = json;
        this.keyWriter = keyWriter;
        this.transactions = transactions;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** What a batch did: one result per row, and the new contacts' name search keys still to write. */
    record Applied(List<Result> results, SearchKeyWriter.@Nullable PendingKeys keys) {}

    /**
     * Starts a run of an import job on this node; the batches an earlier run of the job committed
     * without their search keys (the node died in between) get them first. In a dry run, every
     * batch is a {@link #preview}.
     */
    public ImportRun start(Actor actor, Settings settings, boolean dryRun) {
        keyWriter.repair(settings.jobId());
        return new ImportRun(this, keyWriter, transactions, actor, settings, dryRun);
    }

    /**
     * What storing the rows would do, kept nowhere: they are applied and rolled back to a savepoint
     * of the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Result> preview(Actor actor, Settings settings, List<Row> rows) {
        return savepoint.execute(s -> {
            s.setRollbackOnly();
            return store(actor, settings, rows).results();
        });
    }

    /** Applies the rows, in order; the new contacts' search keys are staged for the {@link SearchKeyWriter}. */
    @Transactional(propagation = Propagation.MANDATORY)
    Applied store(Actor actor, Settings settings, List<Row> rows) {
        if (settings.mode() != Mode.UPDATE && !actor.can(ContactPermissions.CREATE)) {
            throw LiaisonException.forbidden("forbidden.create-contacts");
        }
        ImportBatch batch = new ImportBatch(this, actor, settings, rows.size());
        for (Row row : rows) {
            batch.read(row);
        }
        batch.findMatches();
        batch.prepareCreates();
        List<ImportWriter.NewContact> created = batch.creates();
        SearchKeyWriter.@Nullable PendingKeys keys =
                writer.insert(actor.orgId(), actor.memberId(), settings.jobId(), settings.source(), created);
        batch.applyUpdates();
        events.publishEvent(new ContactsImported(
                actor.orgId(),
                actor.memberId(),
                settings.jobId(),
                batch.count(Outcome.CREATED),
                batch.count(Outcome.UPDATED),
                created.stream().map(ImportWriter.NewContact::id).toList()));
        return new Applied(batch.results(), keys);
    }

    /** Refreshes the planner's statistics of the contact tables, which an import grows. */
    void refreshStatistics() {
        matches.analyze();
    }

    /** The reason of a refusal, to be said in the language of whoever reads it: its problem's detail. */
    public static Message reason(LiaisonException e) {
        return e.detail();
    }
}
