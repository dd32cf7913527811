package io.liaison.contact.api;

import io.liaison.contact.Contact;
import io.liaison.contact.ContactBatch;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactService;
import io.liaison.contact.ContactSort;
import io.liaison.contact.TimelineEntry;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.Idempotency;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ContactController {

    private final ContactService contacts;
    private final ContactBatch batch;
    private final Idempotency idempotency;

    ContactController(ContactService contacts, ContactBatch batch, Idempotency idempotency) {
        this.contacts = contacts;
        this.batch = batch;
        this.idempotency = idempotency;
    }

    /** The list filters of API.md, bound from the query string. */
    record Filters(
            @Nullable String q,
            @Nullable List<UUID> tagId,
            @Nullable String tagMode,
            @Nullable UUID ownerId,
            @Nullable UUID deptId,
            @Nullable String company,
            @Nullable String source,
            @Nullable OffsetDateTime createdAfter,
            @Nullable OffsetDateTime updatedAfter,
            @Nullable OffsetDateTime lastContactedBefore,
            @Nullable OffsetDateTime lastContactedAfter,
            @Nullable String externalId,

            @Parameter(
                    description = "A custom value the contact has, as key:value (one of a multiselect's"
                            + " options); at most 5, all of them must match",
                    array =
                            @ArraySchema(
                                    maxItems = ContactFilter.MAX_CUSTOM_FIELDS,
                                    schema = @Schema(type = "string", maxLength = 300, example = "industry:零售")))
            @Nullable
            List<String> customField) {

        ContactFilter toFilter() {
            String mode = tagMode == null ? "all" : tagMode;
            if (!mode.equals("all") && !mode.equals("any")) {
                throw LiaisonException.invalid("tagMode", "invalid.tag-mode");
            }
            return new ContactFilter(
                    q,
                    tagId == null ? List.of() : tagId,
                    mode.equals("all"),
                    ownerId,
                    deptId,
                    company,
                    source,
                    createdAfter,
                    updatedAfter,
                    lastContactedBefore,
                    lastContactedAfter,
                    externalId,
                    ContactFilter.customFields("customField", customField));
        }
    }

    @GetMapping("/contacts")
    CursorPage<ContactResponse> list(
            Actor actor,
            @ParameterObject Filters filters,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return contacts.list(actor, filters.toFilter(), ContactSort.parse(sort), cursor, CursorPage.limit(limit))
                .map(ContactResponse::of);
    }

    /** The ten best matches for type-ahead: id, name, company and the field the query matched in. */
    @GetMapping("/contacts/suggest")
    ContactAnswers.Suggestions suggest(Actor actor, @RequestParam(required = false) @Nullable String q) {
        return new ContactAnswers.Suggestions(contacts.suggest(actor, q));
    }

    @GetMapping("/contacts/count")
    ContactAnswers.Count count(Actor actor, @ParameterObject Filters filters) {
        var count = contacts.count(actor, filters.toFilter());
        return new ContactAnswers.Count(count.count(), count.exact());
    }

    @ProblemResponse(
            status = 409,
            description =
                    "Another contact has this mobile, e-mail or external id (allowDuplicate overrides the first two).",
            types = {"duplicate-contact", "duplicate-contact-hidden", "external-id-taken"})
    @ProblemResponse(
            status = 422,
            description = "Two tags of one exclusive group, or the Idempotency-Key was used with another body.",
            types = {"tag-group-exclusive", "idempotency-key-reused"})
    @ApiResponse(
            responseCode = "201",
            description = "The contact as created; for a repeated Idempotency-Key, as it was first created.",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ContactResponse.class)))
    @PostMapping("/contacts")
    ResponseEntity<?> create(
            Actor actor,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody ContactInput body) {
        Map<String, @Nullable Object> fields = Patch.fields(body);
        return idempotency.once(actor.orgId(), actor.memberId(), key, fields, () -> {
            Contact created = contacts.create(actor, fields(fields), "api", allowDuplicate(body.allowDuplicate()));
            return ETags.created("/api/v1/contacts/" + created.id(), ContactResponse.of(created), created.version());
        });
    }

    @GetMapping("/contacts/{id}")
    ResponseEntity<ContactResponse> get(Actor actor, @PathVariable UUID id) {
        return withETag(contacts.get(actor, id));
    }

    @ProblemResponse(
            status = 409,
            description =
                    "Another contact has this mobile, e-mail or external id (allowDuplicate overrides the first two).",
            types = {"duplicate-contact", "duplicate-contact-hidden", "external-id-taken"})
    @ProblemResponse(status = 422, description = "Two tags of one exclusive group.", types = "tag-group-exclusive")
    @PatchMapping(
            path = "/contacts/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<ContactResponse> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ContactPatch body) {
        Contact changed = contacts.update(
                actor, id, fields(Patch.fields(body)), ETags.expected(ifMatch), allowDuplicate(body.allowDuplicate()));
        return withETag(changed);
    }

    /** The contact's full details, as a masked viewer asks to see them; audited. */
    record Revealed(UUID id, @Nullable String mobile, List<Contact.Phone> phones, List<Contact.Email> emails) {}

    @PostMapping("/contacts/{id}/reveal")
    Revealed reveal(Actor actor, @PathVariable UUID id) {
        Contact contact = contacts.reveal(actor, id);
        var f = contact.fields();
        return new Revealed(contact.id(), f.mobile(), f.phones(), f.emails());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/contacts/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        contacts.trash(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }

    @ProblemResponse(
            status = 409,
            description = "Another contact took its mobile, e-mail or external id meanwhile.",
            types = {"duplicate-contact", "duplicate-contact-hidden", "external-id-taken"})
    @PostMapping("/contacts/{id}/restore")
    ResponseEntity<ContactResponse> restore(Actor actor, @PathVariable UUID id) {
        return withETag(contacts.restore(actor, id));
    }

    /** One action over many contacts in one transaction, with a result per contact. */
    @PostMapping("/contacts/batch")
    ContactAnswers.BatchResults batch(Actor actor, @RequestBody BatchRequest body) {
        return new ContactAnswers.BatchResults(batch.run(actor, Patch.fields(body)));
    }

    @GetMapping("/trash/contacts")
    CursorPage<ContactResponse> trash(
            Actor actor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return contacts.trashed(actor, cursor, CursorPage.limit(limit)).map(ContactResponse::of);
    }

    @GetMapping("/contacts/{id}/timeline")
    CursorPage<TimelineEntry> timeline(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return contacts.timeline(actor, id, cursor, CursorPage.limit(limit));
    }

    /** The contact's fields of a body; {@code allowDuplicate} is how to save them, not one of them. */
    private static Map<String, @Nullable Object> fields(Map<String, @Nullable Object> body) {
        Map<String, @Nullable Object> fields = new HashMap<>(body);
        fields.remove("allowDuplicate");
        return fields;
    }

    private static boolean allowDuplicate(@Nullable Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    private static ResponseEntity<ContactResponse> withETag(Contact contact) {
        return ETags.ok(ContactResponse.of(contact), contact.version());
    }
}
