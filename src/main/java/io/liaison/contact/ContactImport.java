package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactPermissions;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
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
            @Nullable Message note) {}

    /** What became of a row: the reason why it was skipped or failed, a note on what was left out. */
    public record Result(
            int record,
            Outcome outcome,
            @Nullable UUID contactId,
            @Nullable Message reason,
            @Nullable Message note) {}

    /** The match keys of earlier rows of the same file, across batches. */
    public interface EarlierRows {

        /** The record that first had {@code key}, or 0 when this is the first (which is then remembered). */
        int first(String key, int record);
    }

    /**
     * How to import: {@code lenient} leaves out the invalid values of a new contact (noted) instead
     * of refusing it, as long as its name is valid: a phone's address book holds such values.
     */
    public record Settings(UUID jobId, Mode mode, ImportMatch match, boolean lenient, EarlierRows earlier) {}

    final ContactService contacts;
    final ContactRepository repository;
    final ContactReferences references;
    final ImportMatches matches;
    private final ImportWriter writer;
    final TagRepository tags;
    final TagRules tagRules;
    final CustomFieldValues customFields;
    final ContactAccess access;
    private final ApplicationEventPublisher events;
    final JsonMapper json;

    ContactImport(
            ContactService contacts,
            ContactRepository repository,
            ContactReferences references,
            ImportMatches matches,
            ImportWriter writer,
            TagRepository tags,
            TagRules tagRules,
            CustomFieldValues customFields,
            ContactAccess access,
            ApplicationEventPublisher events,
            JsonMapper json) {
        this.contacts = contacts;
        this.repository = repository;
        this.references = references;
        this.matches = matches;
        this.writer = writer;
        this.tags = tags;
        this.tagRules = tagRules;
        this.customFields = customFields;
        this.access = access;
        this.events = events;
        this.json = json;
    }

    /**
     * What a batch did: one result per row, and the new contacts' name search keys, which {@link
     * SearchKeyWriter#write} writes once the batch is committed.
     */
    public record Applied(List<Result> results, SearchKeyWriter.@Nullable PendingKeys keys) {}

    /** Applies the rows, in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Applied apply(Actor actor, Settings settings, List<Row> rows) {
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
                writer.insert(actor.orgId(), actor.memberId(), settings.jobId(), created);
        batch.applyUpdates();
        events.publishEvent(new ContactsImported(
                actor.orgId(),
                actor.memberId(),
                settings.jobId(),
                batch.count(Outcome.CREATED),
                batch.count(Outcome.UPDATED)));
        return new Applied(batch.results(), keys);
    }

    /**
     * Refreshes the planner's statistics of the contact tables; an import calls it whenever it has
     * doubled what they held when it last did, so a million rows cost about eight calls.
     */
    public void refreshStatistics() {
        matches.analyze();
    }

    /** The reason of a refusal, to be said in the language of whoever reads it: its problem's detail. */
    public static Message reason(LiaisonException e) {
        return e.detail();
    }
}
