package io.liaison.contact.api;

import io.liaison.contact.Contact;
import io.liaison.contact.ContactImport;
import io.liaison.contact.ContactSync;
import io.liaison.identity.Actor;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contacts addressed by their id in another system (a CRM's), read and upserted one by one, in the
 * shapes of the contact API itself; the NDJSON sync of many lines is the integration module's.
 */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactSyncController {

    private final ContactSync sync;

    ContactSyncController(ContactSync sync) {
        this.sync = sync;
    }

    @Operation(
            description = "The contact with this external id, as GET /contacts/{id} answers it. A contact the"
                    + " caller may not see, or one in the trash, is answered as one there is not (404).")
    @GetMapping("/by-external-id/{source}/{externalId}")
    ResponseEntity<ContactResponse> get(
            Actor actor,
            @Parameter(schema = @Schema(maxLength = 30, pattern = "^[a-z][a-z0-9_-]{0,29}$", example = "crm"))
                    @PathVariable
                    String source,
            @Parameter(schema = @Schema(maxLength = 200, example = "A-1024")) @PathVariable String externalId) {
        return withETag(sync.get(actor, source, externalId));
    }

    @Operation(
            description = "Creates the contact with this external id (201, source sync), or changes it with"
                    + " the body as a JSON Merge Patch (200): only the fields the body names change. With"
                    + " If-Match, a contact at another version is not changed (412); without it, the last"
                    + " writer wins per field: two systems changing different fields both keep their change."
                    + " A body that changes nothing changes nothing: no new version, nothing recorded."
                    + " A contact with this id that the caller may not see, or one in the trash, refuses the"
                    + " call as creating it would (409 external-id-taken); one they see but may not change,"
                    + " as PATCH /contacts/{id} does (403).")
    @ProblemResponse(
            status = 409,
            description = "A contact the caller may not see, or one in the trash, has this external id; or"
                    + " another contact has this mobile or e-mail (allowDuplicate overrides that).",
            types = {"external-id-taken", "duplicate-contact", "duplicate-contact-hidden"})
    @ProblemResponse(status = 422, description = "Two tags of one exclusive group.", types = "tag-group-exclusive")
    @ApiResponse(
            responseCode = "201",
            description = "Created: the contact, its address in Location and its version in ETag.",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ContactResponse.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Changed, or found as the body says: the contact with its version in ETag.",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ContactResponse.class)))
    @PutMapping(
            path = "/by-external-id/{source}/{externalId}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<ContactResponse> put(
            Actor actor,
            @Parameter(schema = @Schema(maxLength = 30, pattern = "^[a-z][a-z0-9_-]{0,29}$", example = "crm"))
                    @PathVariable
                    String source,
            @Parameter(schema = @Schema(maxLength = 200, example = "A-1024")) @PathVariable String externalId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ContactPatch body) {
        Map<String, @Nullable Object> fields = new HashMap<>(Patch.fields(body));
        fields.remove("allowDuplicate");
        ContactSync.Synced synced = sync.put(
                actor, source, externalId, fields, ETags.expected(ifMatch), Boolean.TRUE.equals(body.allowDuplicate()));
        Contact contact = synced.contact();
        if (synced.outcome() == ContactImport.Outcome.CREATED) {
            return ETags.created("/api/v1/contacts/" + contact.id(), ContactResponse.of(contact), contact.version());
        }
        return withETag(contact);
    }

    private static ResponseEntity<ContactResponse> withETag(Contact contact) {
        return ETags.ok(ContactResponse.of(contact), contact.version());
    }
}
