package io.liaison.integration.api;

import io.liaison.access.ContactPermissions;
import io.liaison.identity.Actor;
import io.liaison.integration.sync.ContactSyncStream;
import io.liaison.integration.sync.SyncLineResult;
import io.liaison.integration.sync.SyncSummary;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbound sync of many contacts as NDJSON, each by its id in another system; one contact is read
 * or upserted by {@code /contacts/by-external-id/...} in the contact module.
 */
@RestController
@RequestMapping("/api/v1/contacts")
class SyncController {

    static final String NDJSON = "application/x-ndjson";

    private final ContactSyncStream stream;

    SyncController(ContactSyncStream stream) {
        this.stream = stream;
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
    @ProblemResponse(status = 413, description = "The declared body is larger than 256 MB.", types = "body-too-large")
    @ProblemResponse(status = 415, description = "The body is not NDJSON (application/x-ndjson).", types = "http-415")
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
}
