package io.liaison.push.api;

import io.liaison.identity.Actor;
import io.liaison.push.api.PushRequests.AudienceBody;
import io.liaison.push.api.PushRequests.ContentBody;
import io.liaison.push.api.PushRequests.CreatePushRequest;
import io.liaison.push.api.PushRequests.PreviewRequest;
import io.liaison.push.core.PushPreviews;
import io.liaison.push.core.PushService;
import io.liaison.push.core.Recipient;
import io.liaison.push.core.RecipientExport;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.Downloads;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Pushes: a sender ({@code push.send}) makes them and sees their own, an approver ({@code
 * push.approve}) approves them and sees everyone's; each lists its recipients with their states.
 */
@RestController
@RequestMapping("/api/v1/pushes")
class PushController {

    private final PushService pushes;
    private final PushPreviews previews;
    private final RecipientExport exports;

    PushController(PushService pushes, PushPreviews previews, RecipientExport exports) {
        this.pushes = pushes;
        this.previews = previews;
        this.exports = exports;
    }

    @GetMapping
    CursorPage<PushResponse> list(
            Actor actor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return pushes.list(actor, cursor, CursorPage.limit(limit)).map(PushResponse::of);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(
            status = 422,
            description = "The audience is larger than the organization lets one push be.",
            types = {"push-too-large"})
    @PostMapping
    PushResponse create(Actor actor, @RequestBody CreatePushRequest request) {
        if (request.content() == null) {
            throw LiaisonException.invalid("content", "invalid.required");
        }
        return PushResponse.of(pushes.create(
                actor,
                new PushService.NewPush(
                        request.name() == null ? "" : request.name(),
                        request.templateId(),
                        request.content().subject() == null
                                ? ""
                                : request.content().subject(),
                        request.content().body() == null
                                ? ""
                                : request.content().body(),
                        request.requiredAudience().audience(),
                        request.scheduledAt())));
    }

    /** The recipients an audience would have now, by reason, for the composer's live count. */
    @PostMapping("/reach")
    PushService.Reach reach(Actor actor, @RequestBody AudienceBody audience) {
        return pushes.reach(actor, audience.audience());
    }

    /**
     * How many the push would be sent to now and its rendering for a few of its contacts, or for the
     * contact named, before it is made.
     */
    @ProblemResponse(
            status = 422,
            description = "The contact named is not in the audience.",
            types = {"push-preview-not-in-audience"})
    @PostMapping("/preview")
    PushPreviews.PushPreview preview(Actor actor, @RequestBody PreviewRequest request) {
        ContentBody content = request.content();
        return previews.preview(
                actor,
                request.requiredAudience().audience(),
                request.templateId(),
                content == null ? null : content.subject(),
                content == null ? null : content.body(),
                request.contactId());
    }

    @GetMapping("/{id}")
    PushResponse get(Actor actor, @PathVariable UUID id) {
        return PushResponse.of(pushes.progress(actor, id));
    }

    @ProblemResponse(
            status = 409,
            description = "The push is not waiting for approval.",
            types = {"push-not-awaiting-approval"})
    @PostMapping("/{id}/approve")
    PushResponse approve(Actor actor, @PathVariable UUID id) {
        return PushResponse.of(pushes.approve(actor, id));
    }

    @ProblemResponse(
            status = 409,
            description = "The push has finished.",
            types = {"push-finished"})
    @PostMapping("/{id}/cancel")
    PushResponse cancel(Actor actor, @PathVariable UUID id) {
        return PushResponse.of(pushes.cancel(actor, id));
    }

    @ApiResponse(
            responseCode = "200",
            description = "The recipients as CSV (UTF-8 with BOM): name, address as the reader sees it, channel,"
                    + " state, reason and end time in the reader's language and time zone; at most "
                    + RecipientExport.MAX_ROWS
                    + " rows.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @ProblemResponse(
            status = 422,
            description = "The push has more recipients (of the state) than one export holds.",
            types = {"push-export-too-large"})
    @GetMapping("/{id}/recipients/export")
    ResponseEntity<StreamingResponseBody> export(
            Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable String state) {
        RecipientExport.Export export = exports.start(actor, id, state, LocaleContextHolder.getLocale());
        return Downloads.attachment(
                "text/csv;charset=UTF-8", export.fileName(Instant.now()), out -> exports.write(export, out));
    }

    @GetMapping("/{id}/recipients")
    CursorPage<Recipient> recipients(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return pushes.recipients(actor, id, state, cursor, CursorPage.limit(limit));
    }
}
