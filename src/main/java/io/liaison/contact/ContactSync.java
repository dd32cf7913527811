package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactAction;
import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.field.CustomFieldValues;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contacts addressed by the id another system gives them ({@code externalIds{source: id}}): read,
 * and created or changed with a JSON Merge Patch in one call, through the same checks as the
 * contact API. A change that changes nothing is not written: repeating a call is harmless.
 */
@Service
public class ContactSync {

    private static final int ATTEMPTS = 5;
    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_-]{0,29}");

    private final ContactService contacts;
    private final ImportMatches matches;
    private final ContactReferences references;
    private final CustomFieldValues customFields;
    private final ContactAccess access;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    ContactSync(
            ContactService contacts,
            ImportMatches matches,
            ContactReferences references,
            CustomFieldValues customFields,
            ContactAccess access,
            JsonMapper json,
            PlatformTransactionManager transactions) {
        this.contacts = contacts;
        this.matches = matches;
        this.references = references;
        this.customFields = customFields;
        this.access = access;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The contact as saved, and whether the call created it, changed it or found it as asked. */
    public record Synced(Contact contact, ContactImport.Outcome outcome) {}

    /**
     * Refuses (400) a source or id a contact could not hold: the source 1 to 30 lower-case letters,
     * digits, - or _ starting with a letter; the id 1 to 200 characters without spaces around it
     * or control characters.
     */
    public static void checkKey(String source, String externalId) {
        if (!SOURCE.matcher(source).matches()) {
            throw LiaisonException.invalid("source", "invalid.external-id-source");
        }
        if (externalId.isEmpty() || externalId.length() > ContactLimits.EXTERNAL_ID) {
            throw LiaisonException.invalid("externalId", "invalid.length", 1, ContactLimits.EXTERNAL_ID);
        }
        if (!externalId.strip().equals(externalId) || externalId.chars().anyMatch(Character::isISOControl)) {
            throw LiaisonException.invalid("externalId", "invalid.external-id-text");
        }
    }

    /** The live contact with this external id as the actor sees it; 404 when there is none they may see. */
    @Transactional(readOnly = true)
    public Contact get(Actor actor, String source, String externalId) {
        checkKey(source, externalId);
        ImportMatches.Found found = find(actor, source, externalId);
        if (found == null || !found.visible()) {
            throw notFound(source, externalId);
        }
        return contacts.get(actor, found.id());
    }

    /**
     * Creates the contact with this external id (source {@code sync}) or applies {@code body} to
     * it as a JSON Merge Patch. A contact the actor cannot see, or one in the trash, holds the id:
     * the call is refused as creating it would be (409 external-id-taken), without saying more.
     * Two calls creating the same id at once make one contact: the second changes it; without
     * If-Match, a call that meets a change made meanwhile reads it and applies its fields again.
     */
    public Synced put(
            Actor actor,
            String source,
            String externalId,
            Map<String, @Nullable Object> body,
            @Nullable Long expectedVersion,
            boolean allowDuplicate) {
        checkKey(source, externalId);
        Map<String, @Nullable Object> fields = withKey(body, source, externalId);
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(transaction.execute(
                        s -> putOnce(actor, source, externalId, fields, expectedVersion, allowDuplicate)));
            } catch (DuplicateKeyException | LiaisonException e) {
                if (attempt == ATTEMPTS || !racing(e, expectedVersion)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Whether another call changed the contact between reading and writing it, so that trying again
     * reads what it did: a contact with the id created meanwhile (the unique index refuses the second,
     * or the check of taken ids sees it), or, without If-Match, a new version written meanwhile.
     */
    private static boolean racing(RuntimeException e, @Nullable Long expectedVersion) {
        if (e instanceof LiaisonException refused) {
            return refused.type().equals("external-id-taken")
                    || (expectedVersion == null && refused.type().equals("stale-version"));
        }
        return true;
    }

    private Synced putOnce(
            Actor actor,
            String source,
            String externalId,
            Map<String, @Nullable Object> body,
            @Nullable Long expectedVersion,
            boolean allowDuplicate) {
        ImportMatches.Found found = find(actor, source, externalId);
        if (found == null || !found.visible()) {
            if (expectedVersion != null) {
                // If-Match names a version of a contact the caller does not have (RFC 9110, 13.1.1).
                throw LiaisonException.stale(expectedVersion, 0);
            }
            return new Synced(contacts.create(actor, body, "sync", allowDuplicate), ContactImport.Outcome.CREATED);
        }
        Contact current = contacts.permitted(actor, found.id(), ContactAction.EDIT, false);
        LiaisonException.requireVersion(expectedVersion, current.version());
        Map<String, @Nullable Object> changes =
                access.seesInFull(actor, current.ownerId()) ? body : MaskedEcho.unmasked(body, current.fields());
        ContactDraft next = ContactFields.apply(
                current.fields(), changes, references.phoneRegion(actor.orgId()), current.ownerId());
        Map<String, Object> values = changes.containsKey("customFields")
                ? customFields.forCreate(actor.orgId(), next.customFields())
                : next.customFields();
        if (SameFields.same(current.fields(), next, values, json)) {
            return new Synced(contacts.get(actor, current.id()), ContactImport.Outcome.UNCHANGED);
        }
        Contact changed = contacts.update(actor, current.id(), body, expectedVersion, allowDuplicate);
        return new Synced(changed, ContactImport.Outcome.UPDATED);
    }

    private ImportMatches.@Nullable Found find(Actor actor, String source, String externalId) {
        String key = source + ":" + externalId;
        List<ImportMatches.Found> found = matches.find(
                        actor.orgId(),
                        ImportMatch.EXTERNAL_ID,
                        Set.of(key),
                        access.visible(actor, "c"),
                        access.allows(actor, ContactAction.EDIT, "c"))
                .getOrDefault(key, List.of());
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The body with the addressed id among its external ids; a body that gives that source another
     * id, or removes it, contradicts the address and is refused.
     */
    public static Map<String, @Nullable Object> withKey(
            Map<String, @Nullable Object> body, String source, String externalId) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>(body);
        Map<String, @Nullable Object> ids = new LinkedHashMap<>();
        if (body.containsKey("externalIds")) {
            if (!(body.get("externalIds") instanceof Map<?, ?> given)) {
                throw LiaisonException.invalid("externalIds", "invalid.external-ids-object");
            }
            given.forEach((k, v) -> ids.put(String.valueOf(k), v));
        }
        if (ids.containsKey(source) && !externalId.equals(ids.get(source))) {
            throw LiaisonException.invalid("externalIds." + source, "invalid.external-id-not-the-address", externalId);
        }
        ids.put(source, externalId);
        fields.put("externalIds", ids);
        return fields;
    }

    private static LiaisonException notFound(String source, String externalId) {
        return LiaisonException.notFound("contact", source + ":" + externalId);
    }
}
