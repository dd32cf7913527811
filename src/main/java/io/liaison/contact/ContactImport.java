package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactAction;
import io.liaison.access.ContactPermissions;
import io.liaison.contact.Contact.ContactDraft;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
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
            @Nullable String note) {}

    /** What became of a row: the reason why it was skipped or failed, a note on what was left out. */
    public record Result(
            int record,
            Outcome outcome,
            @Nullable UUID contactId,
            @Nullable String reason,
            @Nullable String note) {}

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

    private final ContactService contacts;
    private final ContactRepository repository;
    private final ContactReferences references;
    private final ImportMatches matches;
    private final ImportWriter writer;
    private final TagRepository tags;
    private final TagRules tagRules;
    private final CustomFieldValues customFields;
    private final ContactAccess access;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

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
            throw LiaisonException.forbidden("create contacts");
        }
        Batch batch = new Batch(actor, settings, rows.size());
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

    /** The reason of a refusal as one line: the message, or each invalid field with what is wrong. */
    public static String reason(LiaisonException e) {
        if (e.errors().isEmpty()) {
            return e.getMessage();
        }
        return e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    /** One batch's rows on their way: read, matched, then created or applied. */
    private final class Batch {

        private final Actor actor;
        private final Settings settings;
        private final String region;
        private final Map<String, CustomField> fieldDefinitions;
        private final Result[] results;
        private final @Nullable String[] notes;
        private final List<Pending> pending = new ArrayList<>();
        private int read;

        Batch(Actor actor, Settings settings, int size) {
            this.actor = actor;
            this.settings = settings;
            this.region = references.phoneRegion(actor.orgId());
            this.fieldDefinitions = customFields.definitions(actor.orgId());
            this.results = new Result[size];
            this.notes = new String[size];
        }

        /** A row still waiting for its outcome, with its match key and, once found, its contact. */
        private final class Pending {
            final int index;
            final Row row;
            final @Nullable String key;
            ImportMatches.@Nullable Found target;

            @Nullable
            ContactDraft draft;

            Pending(int index, Row row, @Nullable String key) {
                this.index = index;
                this.row = row;
                this.key = key;
            }
        }

        void read(Row row) {
            int index = read++;
            String key = key(row.body());
            if (key != null) {
                int earlier = settings.earlier().first(key, row.record());
                if (earlier != 0) {
                    done(
                            index,
                            row,
                            Outcome.SKIPPED,
                            null,
                            "has the same " + settings.match().label + " as row " + earlier);
                    return;
                }
            } else if (settings.mode() == Mode.UPDATE) {
                done(index, row, Outcome.SKIPPED, null, "has no " + settings.match().label + " to find the contact by");
                return;
            }
            pending.add(new Pending(index, row, key));
        }

        private @Nullable String key(Map<String, @Nullable Object> body) {
            String mobile = body.get("mobile") instanceof String m
                    ? PhoneNumbers.normalize(m, region).orElse(null)
                    : null;
            String email = body.get("emails") instanceof List<?> list
                            && !list.isEmpty()
                            && list.get(0) instanceof Map<?, ?> first
                            && first.get("address") instanceof String a
                    ? a.strip().toLowerCase(Locale.ROOT)
                    : null;
            Map<String, String> external = new HashMap<>();
            if (body.get("externalIds") instanceof Map<?, ?> ids) {
                ids.forEach((source, id) -> {
                    if (id instanceof String s && !s.isBlank()) {
                        external.put(String.valueOf(source), s.strip());
                    }
                });
            }
            String name = body.get("name") instanceof String n ? n.strip() : "";
            String company = body.get("company") instanceof String c ? c : null;
            return ImportMatches.key(settings.match(), mobile, email, external, name, company);
        }

        void findMatches() {
            Set<String> keys = new HashSet<>();
            pending.forEach(p -> {
                if (p.key != null) {
                    keys.add(p.key);
                }
            });
            Map<String, List<ImportMatches.Found>> found = matches.find(
                    actor.orgId(),
                    settings.match(),
                    keys,
                    access.visible(actor, "c"),
                    access.allows(actor, ContactAction.EDIT, "c"));
            List<Pending> left = new ArrayList<>();
            for (Pending p : pending) {
                List<ImportMatches.Found> same = p.key == null ? List.of() : found.getOrDefault(p.key, List.of());
                if (same.isEmpty()) {
                    if (settings.mode() == Mode.UPDATE) {
                        skip(p, "matches no contact by its " + settings.match().label);
                    } else {
                        left.add(p);
                    }
                } else if (settings.mode() == Mode.CREATE) {
                    skip(p, "a contact with the same " + settings.match().label + " exists: " + describe(same.get(0)));
                } else if (same.size() > 1) {
                    skip(
                            p,
                            "matches " + same.size() + " contacts by its " + settings.match().label + ": "
                                    + same.stream().map(this::describe).collect(Collectors.joining(", ")));
                } else if (!same.get(0).editable()) {
                    skip(p, "matches " + describe(same.get(0)) + ", which you may not change");
                } else {
                    p.target = same.get(0);
                    left.add(p);
                }
            }
            pending.clear();
            pending.addAll(left);
        }

        private String describe(ImportMatches.Found f) {
            return f.visible() ? "'" + f.name() + "' (" + f.id() + ")" : "a contact followed by " + f.ownerName();
        }

        /** Reads and checks the new contacts, with the lookups they need done once for the batch. */
        void prepareCreates() {
            List<Pending> creating =
                    pending.stream().filter(p -> p.target == null).toList();
            for (Pending p : creating) {
                p.draft = read(p);
            }
            Set<UUID> owners = new HashSet<>();
            Set<UUID> tagIds = new HashSet<>();
            creating.stream().filter(p -> p.draft != null).forEach(p -> {
                owners.add(p.draft.ownerId());
                tagIds.addAll(p.draft.tagIds());
            });
            Set<UUID> active = new HashSet<>(matches.activeMembers(actor.orgId(), owners));
            Map<UUID, TagRepository.TagInGroup> knownTags = new HashMap<>();
            tags.findWithGroups(actor.orgId(), tagIds).forEach(t -> knownTags.put(t.id(), t));
            Set<String> externalKeys = new LinkedHashSet<>();
            creating.stream()
                    .filter(p -> p.draft != null)
                    .forEach(p -> p.draft.externalIds().forEach((source, id) -> externalKeys.add(source + ":" + id)));
            Set<String> taken = new HashSet<>(matches.takenExternalIds(actor.orgId(), externalKeys));
            for (Pending p : creating) {
                if (p.draft != null) {
                    p.draft = checkNew(p, p.draft, active, knownTags, taken);
                }
            }
        }

        /** The new contact's fields; when lenient, without the invalid values, which the note names. */
        private @Nullable ContactDraft read(Pending p) {
            try {
                return ContactInput.apply(null, p.row.body(), region, actor.memberId());
            } catch (LiaisonException e) {
                if (!settings.lenient()
                        || e.errors().isEmpty()
                        || e.errors().stream().anyMatch(f -> f.field().equals("name"))) {
                    fail(p, e);
                    return null;
                }
                notes[p.index] = (p.row.note() == null ? "" : p.row.note() + "; ") + "left out " + reason(e);
                try {
                    return ContactInput.apply(
                            null, LeftOut.without(p.row.body(), e.errors()), region, actor.memberId());
                } catch (LiaisonException again) {
                    fail(p, again);
                    return null;
                }
            }
        }

        private @Nullable ContactDraft checkNew(
                Pending p,
                ContactDraft d,
                Set<UUID> activeOwners,
                Map<UUID, TagRepository.TagInGroup> knownTags,
                Set<String> takenExternalIds) {
            try {
                if (!activeOwners.contains(d.ownerId())) {
                    throw LiaisonException.invalid("ownerId", "is not an active member of this organization");
                }
                if (!d.ownerId().equals(actor.memberId()) && !actor.can(ContactPermissions.ASSIGN)) {
                    throw LiaisonException.forbidden("create contacts followed by another member");
                }
                if (!d.shareUserIds().isEmpty()
                        || !d.shareDeptIds().isEmpty()
                        || !d.collaboratorIds().isEmpty()) {
                    throw LiaisonException.invalid("shareUserIds", "sharing is not imported; share after the import");
                }
                for (Map.Entry<String, String> id : d.externalIds().entrySet()) {
                    // Taken in the database, or by an earlier row of this batch.
                    if (!takenExternalIds.add(id.getKey() + ":" + id.getValue())) {
                        throw LiaisonException.invalid(
                                "externalIds." + id.getKey(),
                                "another contact already has the " + id.getKey() + " id '" + id.getValue() + "'");
                    }
                }
                return d.withChecked(
                        tagRules.requireAssignable(d.tagIds(), knownTags),
                        customFields.forCreate(fieldDefinitions, d.customFields()));
            } catch (LiaisonException e) {
                fail(p, e);
                return null;
            }
        }

        List<ImportWriter.NewContact> creates() {
            List<ImportWriter.NewContact> created = new ArrayList<>();
            for (Pending p : pending) {
                if (p.target == null && p.draft != null && results[p.index] == null) {
                    ImportWriter.NewContact c = new ImportWriter.NewContact(io.liaison.shared.Ids.newId(), p.draft);
                    created.add(c);
                    done(p.index, p.row, Outcome.CREATED, c.id(), null);
                }
            }
            return created;
        }

        /** Changes the matched contacts through the same path as the API, or counts them unchanged. */
        void applyUpdates() {
            List<Pending> updating =
                    pending.stream().filter(p -> p.target != null).toList();
            Map<UUID, Contact> current = new HashMap<>();
            repository
                    .byIds(
                            actor.orgId(),
                            updating.stream().map(p -> p.target.id()).toList())
                    .forEach(c -> current.put(c.id(), c));
            for (Pending p : updating) {
                Contact contact = current.get(p.target.id());
                Map<String, @Nullable Object> body = keepLabels(
                        access.seesInFull(actor, contact.ownerId())
                                ? p.row.body()
                                : MaskedEcho.unmasked(p.row.body(), contact.fields()),
                        contact.fields());
                try {
                    ContactDraft next = ContactInput.apply(contact.fields(), body, region, contact.ownerId());
                    if (same(contact.fields(), next)) {
                        done(p.index, p.row, Outcome.UNCHANGED, contact.id(), null);
                    } else {
                        contacts.apply(actor, contact, body, null, true);
                        done(p.index, p.row, Outcome.UPDATED, contact.id(), null);
                    }
                } catch (LiaisonException e) {
                    fail(p, e);
                }
            }
        }

        /**
         * A file holds numbers and addresses without their labels: a phone or e-mail the contact
         * already has keeps its label.
         */
        private Map<String, @Nullable Object> keepLabels(Map<String, @Nullable Object> body, ContactDraft current) {
            Map<String, @Nullable Object> result = new HashMap<>(body);
            Map<String, String> phoneLabels = new HashMap<>();
            current.phones().forEach(ph -> {
                if (ph.label() != null) {
                    phoneLabels.put(ph.number(), ph.label());
                }
            });
            Map<String, String> emailLabels = new HashMap<>();
            current.emails().forEach(e -> {
                if (e.label() != null) {
                    emailLabels.put(e.address(), e.label());
                }
            });
            if (body.get("phones") instanceof List<?> phones) {
                result.put(
                        "phones",
                        labelled(
                                phones,
                                "number",
                                n -> PhoneNumbers.normalize(n, region).orElse(n),
                                phoneLabels));
            }
            if (body.get("emails") instanceof List<?> emails) {
                result.put("emails", labelled(emails, "address", a -> a.strip().toLowerCase(Locale.ROOT), emailLabels));
            }
            return result;
        }

        private static List<Object> labelled(
                List<?> items, String field, UnaryOperator<String> normal, Map<String, String> labels) {
            List<Object> result = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> map
                        && map.get("label") == null
                        && map.get(field) instanceof String value) {
                    String label = labels.get(normal.apply(value));
                    if (label != null) {
                        Map<String, Object> copy = new HashMap<>();
                        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                        copy.put("label", label);
                        result.add(copy);
                        continue;
                    }
                }
                result.add(item);
            }
            return result;
        }

        /**
         * Equal fields, custom field values compared as they are stored (checked and normalised, then
         * JSON), not as the Java types that read them.
         */
        private boolean same(ContactDraft old, ContactDraft next) {
            ContactDraft a = old.withChecked(old.tagIds(), stored(old.customFields()));
            ContactDraft b = next.withChecked(
                    next.tagIds(), stored(customFields.forCreate(fieldDefinitions, next.customFields())));
            return ContactDiff.between(a, b).isEmpty()
                    && a.ownerId().equals(b.ownerId())
                    && new HashSet<>(a.tagIds()).equals(new HashSet<>(b.tagIds()));
        }

        private Map<String, Object> stored(Map<String, Object> values) {
            return json.readValue(json.writeValueAsString(values), new TypeReference<HashMap<String, Object>>() {});
        }

        private void skip(Pending p, String reason) {
            done(p.index, p.row, Outcome.SKIPPED, null, reason);
        }

        private void fail(Pending p, LiaisonException e) {
            done(p.index, p.row, Outcome.FAILED, null, reason(e));
        }

        private void done(int index, Row row, Outcome outcome, @Nullable UUID id, @Nullable String reason) {
            results[index] =
                    new Result(row.record(), outcome, id, reason, notes[index] != null ? notes[index] : row.note());
        }

        int count(Outcome outcome) {
            int n = 0;
            for (Result r : results) {
                if (r != null && r.outcome() == outcome) {
                    n++;
                }
            }
            return n;
        }

        List<Result> results() {
            return List.of(Objects.requireNonNull(results));
        }
    }
}
