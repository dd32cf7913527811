package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactAction;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.StoredMessages;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One action over up to 1,000 contacts in one transaction, answering per contact whether it was
 * done, not found (or not visible), not allowed, or refused by a rule, with the reason.
 */
@Service
public class ContactBatch {

    public static final int MAX = 1000;
    static final Set<String> ACTIONS = Set.of("tag", "untag", "assign", "share", "delete", "restore");
    static final Set<String> FIELDS =
            Set.of("action", "contactIds", "tagIds", "ownerId", "shareUserIds", "shareDeptIds", "collaboratorIds");

    private final ContactService contacts;
    private final ContactRepository repository;
    private final ContactAccess access;

    private final StoredMessages texts;

    ContactBatch(ContactService contacts, ContactRepository repository, ContactAccess access, StoredMessages texts) {
        this.texts = texts;
        this.contacts = contacts;
        this.repository = repository;
        this.access = access;
    }

    /** The outcome for one contact: ok, not_found, forbidden or invalid (with the reason, in the reader's language). */
    public record Result(
            UUID id,

            @Schema(allowableValues = {OK, NOT_FOUND, FORBIDDEN, INVALID})
            String status,

            @Schema(example = "手机号格式不正确") @Nullable String message) {

        public static final String OK = "ok";
        public static final String NOT_FOUND = "not_found";
        public static final String FORBIDDEN = "forbidden";
        public static final String INVALID = "invalid";
    }

    @Transactional
    public List<Result> run(Actor actor, Map<String, @Nullable Object> body) {
        MergePatch request = new MergePatch(body, FIELDS);
        String action = request.requiredText("action");
        if (!ACTIONS.contains(action)) {
            throw LiaisonException.invalid("action", "invalid.batch-action");
        }
        for (String field : List.of("tagIds", "shareUserIds", "shareDeptIds", "collaboratorIds")) {
            MergePatch.atMost(field, body.get(field), ContactFields.MAXIMA.get(field));
        }
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(request.ids("contactIds", MAX)));
        if (ids.isEmpty()) {
            throw LiaisonException.invalid("contactIds", "invalid.contact-count", MAX);
        }
        boolean restoring = action.equals("restore");
        List<Result> results = new ArrayList<>();
        for (UUID id : ids) {
            Optional<Contact> contact = repository.find(id, access.visible(actor, "c"), restoring);
            if (contact.isEmpty()) {
                results.add(new Result(id, Result.NOT_FOUND, null));
            } else if (!repository.matches(id, access.allows(actor, needed(action), "c"), restoring)) {
                results.add(new Result(id, Result.FORBIDDEN, null));
            } else {
                results.add(apply(actor, action, request, contact.get()));
            }
        }
        return results;
    }

    private static ContactAction needed(String action) {
        return switch (action) {
            case "delete", "restore" -> ContactAction.DELETE;
            case "assign" -> ContactAction.ASSIGN;
            case "share" -> ContactAction.SHARE;
            default -> ContactAction.EDIT;
        };
    }

    private Result apply(Actor actor, String action, MergePatch request, Contact contact) {
        try {
            switch (action) {
                case "delete" -> contacts.moveToTrash(actor, contact.id());
                case "restore" -> contacts.bringBack(actor, contact);
                case "tag", "untag" -> contacts.apply(actor, contact, tags(action, request, contact), null, true);
                case "assign" ->
                    contacts.apply(actor, contact, Map.of("ownerId", required(request, "ownerId")), null, true);
                case "share" -> contacts.apply(actor, contact, shares(request), null, true);
                default -> throw LiaisonException.invalid("action", "invalid.batch-action");
            }
            return new Result(contact.id(), Result.OK, null);
        } catch (LiaisonException e) {
            if (e.type().equals("validation")
                    && e.errors().stream().anyMatch(f -> f.field().equals("action"))) {
                throw e;
            }
            return new Result(contact.id(), Result.INVALID, texts.text(e.detail()));
        }
    }

    private static Map<String, @Nullable Object> tags(String action, MergePatch request, Contact contact) {
        LinkedHashSet<UUID> tags = new LinkedHashSet<>(contact.fields().tagIds());
        List<UUID> given = request.ids("tagIds");
        if (given.isEmpty()) {
            throw LiaisonException.invalid("tagIds", "invalid.tag-required");
        }
        if (action.equals("tag")) {
            tags.addAll(given);
        } else {
            given.forEach(tags::remove);
        }
        return Map.of("tagIds", tags.stream().map(UUID::toString).toList());
    }

    private static Map<String, @Nullable Object> shares(MergePatch request) {
        Map<String, @Nullable Object> body = new HashMap<>();
        for (String field : List.of("shareUserIds", "shareDeptIds", "collaboratorIds")) {
            if (request.has(field)) {
                body.put(field, request.ids(field).stream().map(UUID::toString).toList());
            }
        }
        if (body.isEmpty()) {
            throw LiaisonException.invalid("shareUserIds", "invalid.share-needs-someone");
        }
        return body;
    }

    private static String required(MergePatch request, String field) {
        UUID id = request.id(field);
        if (id == null) {
            throw LiaisonException.invalid(field, "invalid.required");
        }
        return id.toString();
    }
}
