package io.liaison.contact;

import io.liaison.access.ContactAction;
import io.liaison.access.ContactPermissions;
import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.tag.TagInGroup;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
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
import org.jspecify.annotations.Nullable;

/** One batch of an import's rows on their way: read, matched, then created or applied. */
final class ImportBatch {

    private final ContactImport use;
    private final Actor actor;
    private final ContactImport.Settings settings;
    private final String region;
    private final Map<String, CustomField> fieldDefinitions;
    private final ContactImport.Result[] results;
    private final @Nullable Message[] notes;
    private final List<Pending> pending = new ArrayList<>();
    private int read;

    ImportBatch(ContactImport use, Actor actor, ContactImport.Settings settings, int size) {
        this.use = use;
        this.actor = actor;
        this.settings = settings;
        this.region = use.references.phoneRegion(actor.orgId());
        this.fieldDefinitions = use.customFields.definitions(actor.orgId());
        this.results = new ContactImport.Result[size];
        this.notes = new Message[size];
    }

    /** A row still waiting for its outcome, with its match key and, once found, its contact. */
    private final class Pending {
        final int index;
        final ContactImport.Row row;
        final @Nullable String key;
        ImportMatches.@Nullable Found target;

        @Nullable
        ContactDraft draft;

        Pending(int index, ContactImport.Row row, @Nullable String key) {
            this.index = index;
            this.row = row;
            this.key = key;
        }
    }

    void read(ContactImport.Row row) {
        int index = read++;
        String key = key(row);
        if (key != null) {
            int earlier = settings.earlier().first(key, row.record());
            if (earlier != 0) {
                done(
                        index,
                        row,
                        ContactImport.Outcome.SKIPPED,
                        null,
                        Message.of("import.reason.same-as-row", settings.match().label, earlier));
                return;
            }
        } else if (settings.mode() == ContactImport.Mode.UPDATE) {
            done(
                    index,
                    row,
                    ContactImport.Outcome.SKIPPED,
                    null,
                    Message.of("import.reason.no-key", settings.match().label));
            return;
        }
        pending.add(new Pending(index, row, key));
    }

    private @Nullable String key(ContactImport.Row row) {
        if (row.key() != null) {
            return row.key();
        }
        Map<String, @Nullable Object> body = row.body();
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
        Map<String, List<ImportMatches.Found>> found = use.matches.find(
                actor.orgId(),
                settings.match(),
                keys,
                use.access.visible(actor, "c"),
                use.access.allows(actor, ContactAction.EDIT, "c"));
        List<Pending> left = new ArrayList<>();
        for (Pending p : pending) {
            List<ImportMatches.Found> same = p.key == null ? List.of() : found.getOrDefault(p.key, List.of());
            if (same.isEmpty()) {
                if (settings.mode() == ContactImport.Mode.UPDATE) {
                    skip(p, Message.of("import.reason.no-match", settings.match().label));
                } else {
                    left.add(p);
                }
            } else if (settings.mode() == ContactImport.Mode.CREATE) {
                skip(p, Message.of("import.reason.exists", settings.match().label, describe(same.get(0))));
            } else if (same.size() > 1) {
                skip(
                        p,
                        Message.of(
                                "import.reason.several",
                                same.size(),
                                settings.match().label,
                                same.stream()
                                        .map(this::describe)
                                        .reduce((a, b) -> Message.of("import.list", a, b))
                                        .orElseThrow()));
            } else if (settings.isSync() && !same.get(0).visible()) {
                fail(p, LiaisonException.invalid("externalId", "invalid.external-id-taken", (Object[])
                        p.key.split(":", 2)));
            } else if (!same.get(0).editable()) {
                skip(p, Message.of("import.reason.not-editable", describe(same.get(0))));
            } else {
                p.target = same.get(0);
                left.add(p);
            }
        }
        pending.clear();
        pending.addAll(left);
    }

    private Message describe(ImportMatches.Found f) {
        return f.visible()
                ? Message.of("import.contact.visible", f.name(), f.id().toString())
                : Message.of("import.contact.hidden", f.ownerName());
    }

    /** Reads and checks the new contacts, with the lookups they need done once for the batch. */
    void prepareCreates() {
        List<Pending> creating = pending.stream().filter(p -> p.target == null).toList();
        for (Pending p : creating) {
            p.draft = read(p);
        }
        Set<UUID> owners = new HashSet<>();
        Set<UUID> tagIds = new HashSet<>();
        creating.stream().filter(p -> p.draft != null).forEach(p -> {
            owners.add(p.draft.ownerId());
            tagIds.addAll(p.draft.tagIds());
        });
        Set<UUID> active = new HashSet<>(use.matches.activeMembers(actor.orgId(), owners));
        Map<UUID, TagInGroup> knownTags = use.tagRules.lookUp(actor.orgId(), tagIds);
        Set<String> externalKeys = new LinkedHashSet<>();
        creating.stream()
                .filter(p -> p.draft != null)
                .forEach(p -> p.draft.externalIds().forEach((source, id) -> externalKeys.add(source + ":" + id)));
        Set<String> taken = new HashSet<>(use.matches.takenExternalIds(actor.orgId(), externalKeys));
        for (Pending p : creating) {
            if (p.draft != null) {
                p.draft = checkNew(p, p.draft, active, knownTags, taken);
            }
        }
    }

    /** The new contact's fields; when lenient, without the invalid values, which the note names. */
    private @Nullable ContactDraft read(Pending p) {
        try {
            return ContactFields.apply(null, p.row.body(), region, actor.memberId());
        } catch (LiaisonException e) {
            if (!settings.lenient()
                    || e.errors().isEmpty()
                    || e.errors().stream().anyMatch(f -> f.field().equals("name"))) {
                fail(p, e);
                return null;
            }
            Message leftOut = Message.of("import.note.left-out-fields", ContactImport.reason(e));
            notes[p.index] = p.row.note() == null ? leftOut : Message.of("import.note.more", p.row.note(), leftOut);
            try {
                return ContactFields.apply(null, LeftOut.without(p.row.body(), e.errors()), region, actor.memberId());
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
            Map<UUID, TagInGroup> knownTags,
            Set<String> takenExternalIds) {
        try {
            if (!activeOwners.contains(d.ownerId())) {
                throw LiaisonException.invalid("ownerId", "invalid.inactive-member");
            }
            if (!d.ownerId().equals(actor.memberId()) && !actor.can(ContactPermissions.ASSIGN)) {
                throw LiaisonException.forbidden("forbidden.create-contacts-followed-by-another-member");
            }
            if (!d.shareUserIds().isEmpty()
                    || !d.shareDeptIds().isEmpty()
                    || !d.collaboratorIds().isEmpty()) {
                throw LiaisonException.invalid("shareUserIds", "invalid.sharing-not-imported");
            }
            for (Map.Entry<String, String> id : d.externalIds().entrySet()) {
                // Taken in the database, or by an earlier row of this batch.
                if (!takenExternalIds.add(id.getKey() + ":" + id.getValue())) {
                    throw LiaisonException.invalid(
                            "externalIds." + id.getKey(), "invalid.external-id-taken", id.getKey(), id.getValue());
                }
            }
            return d.withChecked(
                    use.tagRules.requireAssignable(d.tagIds(), knownTags),
                    use.customFields.forCreate(fieldDefinitions, d.customFields()));
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
                done(p.index, p.row, ContactImport.Outcome.CREATED, c.id(), null);
            }
        }
        return created;
    }

    /** Changes the matched contacts through the same path as the API, or counts them unchanged. */
    void applyUpdates() {
        List<Pending> updating = pending.stream().filter(p -> p.target != null).toList();
        Map<UUID, Contact> current = new HashMap<>();
        use.repository
                .byIds(actor.orgId(), updating.stream().map(p -> p.target.id()).toList())
                .forEach(c -> current.put(c.id(), c));
        for (Pending p : updating) {
            Contact contact = current.get(p.target.id());
            Map<String, @Nullable Object> seen = use.access.seesInFull(actor, contact.ownerId())
                    ? p.row.body()
                    : MaskedEcho.unmasked(p.row.body(), contact.fields());
            Map<String, @Nullable Object> body =
                    settings.isSync() ? seen : KeptLabels.of(seen, contact.fields(), region);
            try {
                ContactDraft next = ContactFields.apply(contact.fields(), body, region, contact.ownerId());
                Map<String, Object> values = use.customFields.forCreate(fieldDefinitions, next.customFields());
                if (SameFields.same(contact.fields(), next, values, use.json)) {
                    done(p.index, p.row, ContactImport.Outcome.UNCHANGED, contact.id(), null);
                } else {
                    update(contact, body);
                    done(p.index, p.row, ContactImport.Outcome.UPDATED, contact.id(), null);
                }
            } catch (LiaisonException e) {
                fail(p, e);
            }
        }
    }

    /**
     * Changes a contact as the API does; in a sync, within a savepoint, so a row the database
     * refuses leaves nothing of itself and the batch goes on.
     */
    private void update(Contact contact, Map<String, @Nullable Object> body) {
        if (settings.isSync()) {
            use.savepoint.executeWithoutResult(s -> use.contacts.apply(actor, contact, body, null, true));
        } else {
            use.contacts.apply(actor, contact, body, null, true);
        }
    }

    private void skip(Pending p, Message reason) {
        done(p.index, p.row, ContactImport.Outcome.SKIPPED, null, reason);
    }

    private void fail(Pending p, LiaisonException e) {
        results[p.index] = new ContactImport.Result(
                p.row.record(),
                ContactImport.Outcome.FAILED,
                null,
                ContactImport.reason(e),
                notes[p.index] != null ? notes[p.index] : p.row.note(),
                e.errors());
    }

    private void done(
            int index,
            ContactImport.Row row,
            ContactImport.Outcome outcome,
            @Nullable UUID id,
            @Nullable Message reason) {
        results[index] = new ContactImport.Result(
                row.record(), outcome, id, reason, notes[index] != null ? notes[index] : row.note());
    }

    int count(ContactImport.Outcome outcome) {
        int n = 0;
        for (ContactImport.Result r : results) {
            if (r != null && r.outcome() == outcome) {
                n++;
            }
        }
        return n;
    }

    List<ContactImport.Result> results() {
        return List.of(Objects.requireNonNull(results));
    }
}
