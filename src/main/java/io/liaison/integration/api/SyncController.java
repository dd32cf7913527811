package io.liaison.integration.api;

import io.liaison.access.ContactPermissions;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactImport;
import io.liaison.contact.ContactSync;
import io.liaison.identity.Actor;
import io.liaison.integration.sync.ContactSyncStream;
import io.liaison.integration.sync.SyncLineResult;
import io.liaison.integration.sync.SyncSummary;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The inbound sync: contacts addressed by their id in another system, one by one or as NDJSON. */
@RestController
@RequestMapping("/api/v1/contacts")
class SyncController {

    static final String NDJSON = "application/x-ndjson";

    private final ContactSync sync;
    private final ContactSyncStream stream;

    SyncController(ContactSync sync, ContactSyncStream stream) {
        this.sync = sync;
        this.stream = stream;
    }

    @Operation(
            description = "The contact with this external id, as GET /contacts/{id} answers it. A contact the"
                    + " caller may not see, or one in the trash, is answered as one there is not (404).")
    @GetMapping("/by-external-id/{source}/{externalId}")
    ResponseEntity<ExternalContact> get(
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
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ExternalContact.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Changed, or found as the body says: the contact with its version in ETag.",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ExternalContact.class)))
    @PutMapping(
            path = "/by-external-id/{source}/{externalId}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<ExternalContact> put(
            Actor actor,
            @Parameter(schema = @Schema(maxLength = 30, pattern = "^[a-z][a-z0-9_-]{0,29}$", example = "crm"))
                    @PathVariable
                    String source,
            @Parameter(schema = @Schema(maxLength = 200, example = "A-1024")) @PathVariable String externalId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ExternalContactPatch body) {
        Map<String, @Nullable Object> fields = new HashMap<>(Patch.fields(body));
        fields.remove("allowDuplicate");
        ContactSync.Synced synced = sync.put(
                actor, source, externalId, fields, ETags.expected(ifMatch), Boolean.TRUE.equals(body.allowDuplicate()));
        Contact contact = synced.contact();
        if (synced.outcome() == ContactImport.Outcome.CREATED) {
            return ETags.created("/api/v1/contacts/" + contact.id(), ExternalContact.of(contact), contact.version());
        }
        return withETag(contact);
    }

    @Operation(
            description = "An initial load or a nightly reconciliation: one contact per line, {\"source\","
                    + " \"externalId\", ...fields}, each created or merge-patched by its external id as the PUT"
                    + " does, with the rules of an import, 500 lines a transaction. The answer streams a"
                    + " result per line (created, updated, unchanged or failed with its errors, in the"
                    + " caller's language), then a summary line. At most 100000 lines of 128 KB and 256 MB:"
                    + " past a limit, the sync stops there and the summary says why.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = NDJSON,
                            schema =
                                    @Schema(
                                            type = "string",
                                            format = "binary",
                                            example = "{\"source\": \"crm\", \"externalId\": \"A-1024\","
                                                    + " \"name\": \"张三\", \"mobile\": \"13800138000\"}\n")))
    @ApiResponse(
            responseCode = "200",
            description = "A result per line, in the order of the lines, then the summary.",
            content = @Content(mediaType = NDJSON, schema = @Schema(oneOf = {SyncLineResult.class, SyncSummary.class})))
    @PostMapping(path = "/sync", consumes = NDJSON, produces = NDJSON)
    void stream(Actor actor, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!actor.can(ContactPermissions.CREATE)) {
            throw LiaisonException.forbidden("forbidden.create-contacts");
        }
        if (request.getContentLengthLong() > ContactSyncStream.MAX_BODY_BYTES) {
            throw LiaisonException.tooLarge("body-too-large", ContactSyncStream.MAX_BODY_BYTES / (1024 * 1024) + " MB");
        }
        response.setStatus(200);
        response.setContentType(NDJSON + ";charset=UTF-8");
        stream.run(actor, request.getInputStream(), response.getOutputStream(), LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<ExternalContact> withETag(Contact contact) {
        return ETags.ok(ExternalContact.of(contact), contact.version());
    }
}
