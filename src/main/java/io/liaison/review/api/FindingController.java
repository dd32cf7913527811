package io.liaison.review.api;

import io.liaison.identity.Actor;
import io.liaison.review.finding.FindingChecks;
import io.liaison.review.finding.FindingChecks.CheckState;
import io.liaison.review.finding.FindingQueries;
import io.liaison.review.finding.ReasonTexts;
import io.liaison.shared.CursorPage;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review's findings: the open ones on the live contacts the caller sees, newest first, each with
 * its reason in words; and "check now", which queues a check of the caller's organization (any member
 * may ask; one waits at most) instead of waiting for the nightly one.
 */
@RestController
@RequestMapping("/api/v1/review/findings")
class FindingController {

    private final FindingQueries findings;
    private final FindingChecks checks;
    private final ReasonTexts texts;

    FindingController(FindingQueries findings, FindingChecks checks, ReasonTexts texts) {
        this.findings = findings;
        this.checks = checks;
        this.texts = texts;
    }

    @GetMapping
    CursorPage<FindingResponse> list(
            Actor actor,
            @Parameter(
                            description = "Only findings of this kind; all when left out.",
                            schema = @Schema(allowableValues = {"stale", "invalid", "incomplete", "duplicate"}))
                    @RequestParam(required = false)
                    @Nullable
                    String kind,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        Locale locale = LocaleContextHolder.getLocale();
        return findings.list(actor, kind, cursor, CursorPage.limit(limit))
                .map(f -> FindingResponse.of(f, texts.sentence(f.reason(), f.detail(), locale, actor.timeZone())));
    }

    /** Where the organization's checks stand after the request. */
    record CheckResponse(
            @Schema(
                    description = "A check is waiting or running (this one, or one asked for before).",
                    example = "true")
            boolean pending,

            @Schema(description = "A check is running now.", example = "false")
            boolean running,

            @Schema(
                    description = "When the latest check finished; null when none has.",
                    example = "2026-12-05T18:00:03Z")
            @Nullable
            Instant lastFinishedAt) {}

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/check")
    CheckResponse check(Actor actor) {
        CheckState state = checks.checkNow(actor);
        return new CheckResponse(state.pending(), state.running(), state.finishedAt());
    }
}
