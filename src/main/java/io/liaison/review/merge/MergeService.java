package io.liaison.review.merge;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactAction;
import io.liaison.chat.ConversationContactMerge;
import io.liaison.contact.Contact;
import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.ContactMergeUndone;
import io.liaison.contact.ContactMerged;
import io.liaison.contact.ContactMerging;
import io.liaison.contact.ContactPurged;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.task.TaskContactMerge;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merges duplicate contacts into one in one transaction, and undoes a merge within {@link
 * #UNDO_WINDOW}. The actor needs to edit the survivor and to delete the merged contacts; a merge
 * record keeps every contact's state before, the survivor's after and what moved, so that an undo
 * gives each contact back what it had and leaves the survivor what changed on it since.
 */
@Service
public class MergeService {

    public static final Duration UNDO_WINDOW = ContactMerging.UNDO_WINDOW;
    public static final int MAX_MERGED = 9;

    private static final TypeReference<Map<String, UUID>> FIELDS = new TypeReference<>() {};
    private static final TypeReference<Map<UUID, String>> NAMES = new TypeReference<>() {};
    private static final TypeReference<List<Merge.KeptField>> KEPT = new TypeReference<>() {};

    private final MergeRepository merges;
    private final ContactMerging contacts;
    private final ContactAccess access;
    private final TaskContactMerge tasks;
    private final ConversationContactMerge conversations;
    private final JsonMapper json;

    MergeService(
            MergeRepository merges,
            ContactMerging contacts,
            ContactAccess access,
            TaskContactMerge tasks,
            ConversationContactMerge conversations,
            JsonMapper json) {
        this.merges = merges;
        this.contacts = contacts;
        this.access = access;
        this.tasks = tasks;
        this.conversations = conversations;
        this.json = json;
    }

    /** What to merge: the survivor, the contacts merged into it, and which contact each chosen field comes from. */
    public record MergeRequest(
            @Nullable UUID survivorId,
            @Nullable List<UUID> mergedIds,
            @Nullable Map<String, UUID> fields) {}

    /**
     * Merges; answers the merge's id. {@code expectedVersion} (If-Match) guards the survivor.
     * 400 for a contact named twice or too many, 404 for one the actor does not see, 403 without
     * the rights, 409 for one in the trash or external ids that conflict.
     */
    @Transactional
    public UUID merge(Actor actor, MergeRequest request, @Nullable Long expectedVersion) {
        UUID survivorId = request.survivorId();
        if (survivorId == null) {
            throw LiaisonException.invalid("survivorId", "invalid.required");
        }
        List<UUID> mergedIds = request.mergedIds() == null ? List.of() : request.mergedIds();
        if (mergedIds.isEmpty()) {
            throw LiaisonException.invalid("mergedIds", "invalid.empty");
        }
        if (mergedIds.size() > MAX_MERGED) {
            throw LiaisonException.tooMany("mergedIds", MAX_MERGED);
        }
        Set<UUID> all = new LinkedHashSet<>();
        all.add(survivorId);
        for (UUID id : mergedIds) {
            if (id == null || !all.add(id)) {
                throw LiaisonException.invalid("mergedIds", "invalid.merge-same-contact");
            }
        }
        Map<String, UUID> chosen = request.fields() == null ? Map.of() : request.fields();
        checkFields(chosen, all);
        contacts.lock(actor.orgId(), all);
        Contact survivor = contacts.permitted(actor, survivorId, ContactAction.EDIT);
        LiaisonException.requireVersion(expectedVersion, survivor.version());
        List<Contact> merged = new ArrayList<>();
        for (UUID id : mergedIds) {
            merged.add(contacts.permitted(actor, id, ContactAction.DELETE));
        }
        ContactDraft next = MergeFields.merged(survivor, merged, chosen);
        contacts.assignableTags(actor.orgId(), next.tagIds());
        Map<UUID, String> names = new LinkedHashMap<>();
        names.put(survivorId, survivor.name());
        Map<UUID, MergeState> before = new LinkedHashMap<>();
        merged.forEach(c -> {
            names.put(c.id(), c.name());
            before.put(c.id(), MergeState.of(c));
        });
        ContactMerging.Moved moved = contacts.merge(actor, survivor, merged, next);
        MergeMoves moves = new MergeMoves(
                moved,
                tasks.move(actor.orgId(), mergedIds, survivorId),
                conversations.move(actor.orgId(), mergedIds, survivorId));
        Contact after = contacts.stored(actor.orgId(), survivorId).orElseThrow();
        UUID id = Ids.newId();
        merges.insert(
                actor.orgId(),
                id,
                survivorId,
                mergedIds,
                json.writeValueAsString(names),
                json.writeValueAsString(chosen),
                json.writeValueAsString(new MergeState.Before(MergeState.of(survivor), before)),
                json.writeValueAsString(MergeState.of(after)),
                json.writeValueAsString(moves),
                actor.memberId());
        contacts.published(new ContactMerged(actor.orgId(), actor.memberId(), id, survivorId, mergedIds, names));
        return id;
    }

    private static void checkFields(Map<String, UUID> chosen, Set<UUID> contactIds) {
        if (chosen.size() > MergeFields.CHOSEN.size() + 100) {
            throw LiaisonException.tooMany("fields", MergeFields.CHOSEN.size() + 100);
        }
        chosen.forEach((field, id) -> {
            boolean known = MergeFields.CHOSEN.contains(field)
                    || (field.startsWith(MergeFields.CUSTOM)
                            && field.substring(MergeFields.CUSTOM.length()).matches("[a-z][a-z0-9_]{0,39}"));
            if (!known) {
                throw LiaisonException.invalid("fields", "invalid.merge-unknown-field", field);
            }
            if (id == null || !contactIds.contains(id)) {
                throw LiaisonException.invalid("fields", "invalid.merge-field-contact", field);
            }
        });
    }

    /**
     * Undoes a merge: 409 once undone, after {@link #UNDO_WINDOW}, or when a merged contact was
     * purged; the survivor's fields that changed since the merge stay (the answer names them).
     */
    @Transactional
    public Merge undo(Actor actor, UUID id) {
        MergeRow row = merges.find(actor.orgId(), id, access.visible(actor, "c"), true)
                .orElseThrow(() -> LiaisonException.notFound("merge", id));
        if (row.undoneAt() != null) {
            throw new LiaisonException(HttpStatus.CONFLICT, "merge-already-undone");
        }
        if (row.mergedAt().plus(UNDO_WINDOW).isBefore(OffsetDateTime.now())) {
            throw new LiaisonException(HttpStatus.CONFLICT, "merge-undo-expired", UNDO_WINDOW.toDays());
        }
        if (row.erasedAt() != null
                || row.mergedIds().stream()
                        .anyMatch(m -> contacts.stored(actor.orgId(), m).isEmpty())) {
            throw new LiaisonException(HttpStatus.CONFLICT, "merge-contact-purged");
        }
        Set<UUID> all = new LinkedHashSet<>(row.mergedIds());
        all.add(row.survivorId());
        contacts.lock(actor.orgId(), all);
        Contact survivor = contacts.permitted(actor, row.survivorId(), ContactAction.EDIT);
        for (UUID m : row.mergedIds()) {
            if (!contacts.allows(actor, m, ContactAction.DELETE)) {
                throw LiaisonException.forbidden("forbidden.delete-or-restore-this-contact");
            }
        }
        Map<String, UUID> chosen = json.readValue(row.fields(), FIELDS);
        MergeState.Before before = json.readValue(row.before(), MergeState.Before.class);
        MergeState after = json.readValue(row.after(), MergeState.class);
        MergeMoves moves = json.readValue(row.moved(), MergeMoves.class);
        MergeFields.Undone undone = MergeFields.undone(
                before.survivor().fields(), after.fields(), survivor.fields(), chosen, survivor.id());
        OffsetDateTime lastContacted = sameInstant(survivor.lastContactedAt(), after.lastContactedAt())
                ? before.survivor().lastContactedAt()
                : survivor.lastContactedAt();
        tasks.moveBack(actor.orgId(), survivor.id(), moves.tasks());
        conversations.moveBack(actor.orgId(), survivor.id(), moves.conversations());
        contacts.undo(actor, survivor, undone.fields(), lastContacted, row.mergedIds(), moves.contact());
        List<Merge.KeptField> kept = undone.kept().stream()
                .map(k -> new Merge.KeptField(k.field(), k.takenFromMerged()))
                .toList();
        merges.undone(actor.orgId(), id, actor.memberId(), json.writeValueAsString(kept));
        contacts.published(new ContactMergeUndone(
                actor.orgId(),
                actor.memberId(),
                id,
                survivor.id(),
                row.mergedIds(),
                json.readValue(row.names(), NAMES),
                MergeFields.changed(survivor.fields(), undone.fields())));
        return view(merges.find(actor.orgId(), id, access.visible(actor, "c"), false)
                .orElseThrow());
    }

    @Transactional(readOnly = true)
    public Merge get(Actor actor, UUID id) {
        return view(merges.find(actor.orgId(), id, access.visible(actor, "c"), false)
                .orElseThrow(() -> LiaisonException.notFound("merge", id)));
    }

    /** The newest merges whose survivor the actor sees. */
    @Transactional(readOnly = true)
    public CursorPage<Merge> list(Actor actor, @Nullable String cursor, int limit) {
        List<MergeRow> rows =
                merges.list(actor.orgId(), access.visible(actor, "c"), CursorPage.decode(cursor), limit + 1);
        return CursorPage.of(rows.stream().map(this::view).toList(), limit, Merge::id);
    }

    /** A purged merged contact's data leaves the merges it took part in. */
    @ApplicationModuleListener
    void on(ContactPurged event) {
        merges.erase(event.orgId(), event.contactId());
    }

    private Merge view(MergeRow row) {
        Map<UUID, String> names = json.readValue(row.names(), NAMES);
        List<Merge.MergedContact> merged = row.mergedIds().stream()
                .map(m -> new Merge.MergedContact(m, names.getOrDefault(m, "—")))
                .toList();
        OffsetDateTime until = row.mergedAt().plus(UNDO_WINDOW);
        boolean undoable = row.undoneAt() == null && row.erasedAt() == null && until.isAfter(OffsetDateTime.now());
        List<Merge.KeptField> kept = row.outcome() == null ? List.of() : json.readValue(row.outcome(), KEPT);
        return new Merge(
                row.id(),
                row.survivorId(),
                row.survivorName(),
                merged,
                row.mergedBy(),
                row.mergedByName(),
                row.mergedAt(),
                until,
                row.undoneAt(),
                row.undoneByName(),
                undoable,
                kept);
    }

    private static boolean sameInstant(@Nullable OffsetDateTime a, @Nullable OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }
}
