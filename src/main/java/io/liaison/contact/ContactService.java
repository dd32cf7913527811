package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactAction;
import io.liaison.access.ContactPermissions;
import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.field.CustomFieldValues;
import io.liaison.contact.tag.TagRules;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import io.liaison.shared.SqlFragment;
import io.liaison.shared.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts of the actor's organization, as far as the actor may see them: create, read, change,
 * move to the trash and back. Every change is checked, recorded in the timeline and published.
 */
@Service
public class ContactService {

    private final ContactRepository contacts;
    private final ContactReferences references;
    private final ContactQueries queries;
    private final ContactTimeline timeline;
    private final ContactChanges changeLog;
    private final ContactAccess access;
    private final TagRules tagRules;
    private final CustomFieldValues customFields;
    private final ApplicationEventPublisher events;

    ContactService(
            ContactRepository contacts,
            ContactReferences references,
            ContactQueries queries,
            ContactTimeline timeline,
            ContactChanges changes,
            ContactAccess access,
            TagRules tagRules,
            CustomFieldValues customFields,
            ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.references = references;
        this.queries = queries;
        this.timeline = timeline;
        this.changeLog = changes;
        this.access = access;
        this.tagRules = tagRules;
        this.customFields = customFields;
        this.events = events;
    }

    /** Creates a contact from a JSON body; the actor follows it unless {@code ownerId} says otherwise. */
    @Transactional
    public Contact create(Actor actor, Map<String, @Nullable Object> body, String source, boolean allowDuplicate) {
        if (!actor.can(ContactPermissions.CREATE)) {
            throw LiaisonException.forbidden("forbidden.create-contacts");
        }
        ContactDraft draft = checked(
                actor, ContactFields.apply(null, body, references.phoneRegion(actor.orgId()), actor.memberId()), true);
        if (!draft.ownerId().equals(actor.memberId()) && !actor.can(ContactPermissions.ASSIGN)) {
            throw LiaisonException.forbidden("forbidden.create-contacts-followed-by-another-member");
        }
        checkReferences(actor, null, draft, allowDuplicate);
        UUID id = Ids.newId();
        contacts.insert(actor.orgId(), id, draft, source, actor.memberId());
        timeline.record(actor.orgId(), id, actor.memberId(), TimelineEntry.CREATED, Map.of());
        events.publishEvent(
                new ContactCreated(actor.orgId(), actor.memberId(), id, Map.of(), ContactDiff.present(draft)));
        return saved(actor, id);
    }

    /** The contact as the actor sees it: masked unless they may see its details in full. */
    @Transactional(readOnly = true)
    public Contact get(Actor actor, UUID id) {
        return view(actor, visible(actor, id, false));
    }

    /**
     * The full mobile, phones and e-mails, for an actor who may reveal them; recorded in the audit
     * log with the fields that were shown.
     */
    @Transactional
    public Contact reveal(Actor actor, UUID id) {
        Contact contact = visible(actor, id, false);
        if (!access.mayReveal(actor, contact.ownerId())) {
            throw LiaisonException.forbidden("forbidden.reveal-this-contact-s-details");
        }
        List<String> fields = new ArrayList<>();
        ContactDraft f = contact.fields();
        if (f.mobile() != null) {
            fields.add("mobile");
        }
        if (!f.phones().isEmpty()) {
            fields.add("phones");
        }
        if (!f.emails().isEmpty()) {
            fields.add("emails");
        }
        events.publishEvent(new ContactRevealed(actor.orgId(), actor.memberId(), id, contact.ownerId(), fields));
        return contact;
    }

    /** The actor's {@link ContactRights} on a contact they see, in one query; 404 for one they do not. */
    @Transactional(readOnly = true)
    public ContactRights rights(Actor actor, UUID id) {
        return contacts.rights(
                        id,
                        access.visible(actor, "c"),
                        access.reason(actor, "c"),
                        access.allows(actor, ContactAction.EDIT, "c"),
                        access.allows(actor, ContactAction.SHARE, "c"),
                        access.allows(actor, ContactAction.DELETE, "c"))
                .orElseThrow(() -> notFound(id));
    }

    private Contact visible(Actor actor, UUID id, boolean trashed) {
        return contacts.find(id, access.visible(actor, "c"), trashed).orElseThrow(() -> notFound(id));
    }

    private Contact view(Actor actor, Contact contact) {
        return access.seesInFull(actor, contact.ownerId()) ? contact : contact.maskedView();
    }

    /**
     * Changes a contact with a JSON Merge Patch body. {@code expectedVersion} (If-Match) guards
     * against lost updates; the version check is repeated by the UPDATE itself.
     */
    @Transactional
    public Contact update(
            Actor actor,
            UUID id,
            Map<String, @Nullable Object> body,
            @Nullable Long expectedVersion,
            boolean allowDuplicate) {
        Contact current = permitted(actor, id, ContactAction.EDIT, false);
        apply(actor, current, body, expectedVersion, allowDuplicate);
        return saved(actor, id);
    }

    /**
     * Applies a merge patch to a contact the caller has checked the actor may edit; handing it over
     * and changing its shares are checked here, as they need more than editing.
     */
    void apply(
            Actor actor,
            Contact current,
            Map<String, @Nullable Object> body,
            @Nullable Long expectedVersion,
            boolean allowDuplicate) {
        LiaisonException.requireVersion(expectedVersion, current.version());
        Map<String, @Nullable Object> changes =
                access.seesInFull(actor, current.ownerId()) ? body : MaskedEcho.unmasked(body, current.fields());
        ContactDraft next = checked(
                actor,
                ContactFields.apply(
                        current.fields(), changes, references.phoneRegion(actor.orgId()), current.ownerId()),
                changes.containsKey("customFields"));
        ContactDraft old = current.fields();
        if (!old.ownerId().equals(next.ownerId())) {
            require(actor, current.id(), ContactAction.ASSIGN, false, "forbidden.hand-this-contact-to-another-member");
        }
        if (!old.shareUserIds().equals(next.shareUserIds())
                || !old.shareDeptIds().equals(next.shareDeptIds())
                || !old.collaboratorIds().equals(next.collaboratorIds())) {
            require(
                    actor,
                    current.id(),
                    ContactAction.SHARE,
                    false,
                    "forbidden.change-who-this-contact-is-shared-with");
        }
        checkReferences(actor, current.id(), next, allowDuplicate);
        if (!contacts.update(actor.orgId(), current.id(), old, next, current.version())) {
            throw LiaisonException.stale(current.version(), current.version() + 1);
        }
        changeLog.record(actor, current.id(), current.fields(), next);
    }

    /**
     * The contact the actor just wrote, as they see it. Created for or handed to a member outside
     * their scope, it may no longer be theirs to see; they are still answered what was saved.
     */
    private Contact saved(Actor actor, UUID id) {
        return view(
                actor,
                contacts.find(id, SqlFragment.of("c.org_id = ?", actor.orgId()), false)
                        .orElseThrow());
    }

    @Transactional
    public void trash(Actor actor, UUID id, @Nullable Long expectedVersion) {
        Contact current = permitted(actor, id, ContactAction.DELETE, false);
        LiaisonException.requireVersion(expectedVersion, current.version());
        moveToTrash(actor, id);
    }

    void moveToTrash(Actor actor, UUID id) {
        contacts.trash(actor.orgId(), id, actor.memberId());
        timeline.record(actor.orgId(), id, actor.memberId(), TimelineEntry.TRASHED, Map.of());
        events.publishEvent(new ContactTrashed(actor.orgId(), actor.memberId(), id, Map.of(), Map.of()));
    }

    /** Brings a contact back from the trash exactly as it was: tags, follow-ups, shares, fields. */
    @Transactional
    public Contact restore(Actor actor, UUID id) {
        bringBack(actor, permitted(actor, id, ContactAction.DELETE, true));
        return get(actor, id);
    }

    void bringBack(Actor actor, Contact trashed) {
        UUID id = trashed.id();
        contacts.restore(actor.orgId(), id);
        timeline.record(actor.orgId(), id, actor.memberId(), TimelineEntry.RESTORED, Map.of());
        events.publishEvent(new ContactRestored(
                actor.orgId(),
                actor.memberId(),
                id,
                Map.of("trashedAt", String.valueOf(trashed.trashedAt())),
                Map.of()));
    }

    @Transactional(readOnly = true)
    public CursorPage<Contact> list(
            Actor actor, ContactFilter filter, @Nullable ContactSort sort, @Nullable String cursor, int limit) {
        return queries.list(actor, filter, sort, cursor, limit).map(c -> view(actor, c));
    }

    /**
     * A page of contacts to export, as the list finds them: their mobile, phones and e-mails in full
     * where the actor may reveal them (an export with {@code contact.export} and reveal rights), as
     * they see them otherwise.
     */
    @Transactional(readOnly = true)
    public CursorPage<Contact> exportPage(Actor actor, ContactFilter filter, @Nullable String cursor, int limit) {
        requireExport(actor);
        return queries.list(actor, filter, null, cursor, limit).map(c -> exported(actor, c));
    }

    /** The contacts of these ids that the actor sees, in the order given, as {@link #exportPage} has them. */
    @Transactional(readOnly = true)
    public List<Contact> exportByIds(Actor actor, List<UUID> ids) {
        requireExport(actor);
        SqlFragment visible = access.visible(actor, "c");
        List<Object> params = new ArrayList<>(visible.params());
        params.add(ids.toArray(UUID[]::new));
        List<Contact> found =
                contacts.query(visible.sql() + " AND c.id = ANY (?) AND c.trashed_at IS NULL", params, "");
        Map<UUID, Contact> byId = new LinkedHashMap<>();
        found.forEach(c -> byId.put(c.id(), c));
        return ids.stream()
                .distinct()
                .map(byId::get)
                .filter(Objects::nonNull)
                .map(c -> exported(actor, c))
                .toList();
    }

    /** The sources of the external ids the organization's contacts have, such as crm. */
    @Transactional(readOnly = true)
    public List<String> externalIdSources(Actor actor) {
        return contacts.externalIdSources(actor.orgId());
    }

    private static void requireExport(Actor actor) {
        if (!actor.can(ContactPermissions.EXPORT)) {
            throw LiaisonException.forbidden("forbidden.export-contacts");
        }
    }

    private Contact exported(Actor actor, Contact contact) {
        return access.mayReveal(actor, contact.ownerId()) ? contact : view(actor, contact);
    }

    /** The ten best matches of {@code q} for type-ahead, with the field each matched in. */
    @Transactional(readOnly = true)
    public List<ContactSuggestion> suggest(Actor actor, @Nullable String q) {
        if (q == null || q.isBlank()) {
            throw LiaisonException.invalid("q", "invalid.empty");
        }
        return queries.suggest(actor, q.strip(), ContactSuggestion.LIMIT).stream()
                .map(s -> ContactSuggestion.of(s.contact(), s.tier(), q.strip()))
                .toList();
    }

    @Transactional(readOnly = true)
    public ContactQueries.Count count(Actor actor, ContactFilter filter) {
        return queries.count(actor, filter);
    }

    @Transactional(readOnly = true)
    public CursorPage<Contact> trashed(Actor actor, @Nullable String cursor, int limit) {
        return queries.trash(actor, cursor, limit).map(c -> view(actor, c));
    }

    @Transactional(readOnly = true)
    public CursorPage<TimelineEntry> timeline(Actor actor, UUID id, @Nullable String cursor, int limit) {
        Contact contact = visible(actor, id, false);
        List<TimelineEntry> rows = timeline.page(actor, id, CursorPage.decode(cursor), limit + 1);
        if (!access.seesInFull(actor, contact.ownerId())) {
            rows = rows.stream().map(TimelineEntry::masked).toList();
        }
        return CursorPage.of(rows, limit, TimelineEntry::id);
    }

    /**
     * The contact, unmasked, when the actor may do {@code action} with it; 404 when they may not
     * even see it, 403 otherwise.
     */
    Contact permitted(Actor actor, UUID id, ContactAction action, boolean trashed) {
        Contact contact = visible(actor, id, trashed);
        require(
                actor,
                id,
                action,
                trashed,
                action == ContactAction.DELETE
                        ? "forbidden.delete-or-restore-this-contact"
                        : "forbidden.change-this-contact");
        return contact;
    }

    private void require(Actor actor, UUID id, ContactAction action, boolean trashed, String what) {
        if (!contacts.matches(id, access.allows(actor, action, "c"), trashed)) {
            throw LiaisonException.forbidden(what);
        }
    }

    /**
     * The draft with its tags checked against the tag rules (existence, exclusive groups, limit) and
     * its custom field values against their definitions, when they are new or changed.
     */
    private ContactDraft checked(Actor actor, ContactDraft d, boolean customFieldsChanged) {
        List<UUID> tags = tagRules.requireAssignable(actor.orgId(), d.tagIds());
        Map<String, Object> values =
                customFieldsChanged ? customFields.forCreate(actor.orgId(), d.customFields()) : d.customFields();
        return d.withChecked(tags, values);
    }

    private void checkReferences(Actor actor, @Nullable UUID self, ContactDraft draft, boolean allowDuplicate) {
        Validation v = new Validation();
        references.check(actor.orgId(), draft, v);
        v.throwIfInvalid();
        List<String> taken = references.takenExternalIds(actor.orgId(), self, draft);
        if (!taken.isEmpty()) {
            String source = taken.get(0);
            throw new LiaisonException(
                    HttpStatus.CONFLICT,
                    "external-id-taken",
                    source,
                    draft.externalIds().get(source));
        }
        if (!allowDuplicate) {
            references
                    .duplicate(actor.orgId(), self, draft, access.visible(actor, "c"))
                    .ifPresent(d -> {
                        throw duplicate(d);
                    });
        }
    }

    private static LiaisonException duplicate(ContactReferences.Duplicate d) {
        Message field = Message.of(
                "mobile".equals(d.field()) ? "contacts.dupField.mobile-number" : "contacts.dupField.e-mail-address");
        if (d.visible()) {
            return new LiaisonException(HttpStatus.CONFLICT, "duplicate-contact", d.name(), d.id(), field);
        }
        return new LiaisonException(HttpStatus.CONFLICT, "duplicate-contact-hidden", d.ownerName(), field);
    }

    private static LiaisonException notFound(UUID id) {
        return LiaisonException.notFound("contact", id);
    }
}
