package io.liaison.review.api;

import io.liaison.identity.Actor;
import io.liaison.review.campaign.CampaignService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Review campaigns: managers and administrators start one over a filter of the contact list; each
 * owner reads and acts on their items; the starter follows the progress per member and closes it.
 * An owner sees the campaigns they have items in, the starter the whole campaign, administrators all.
 */
@RestController
@RequestMapping("/api/v1/review/campaigns")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping
    CursorPage<CampaignBodies.CampaignResponse> list(
            Actor actor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return campaigns
                .list(actor, cursor, CursorPage.limit(limit))
                .map(c -> CampaignBodies.CampaignResponse.of(c, null));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @ProblemResponse(
            status = 422,
            description = "No contact matches the filter, or more than a campaign takes (the problem says how many).",
            types = {"review-campaign-empty", "review-campaign-too-large"})
    CampaignBodies.CampaignResponse start(Actor actor, @RequestBody CampaignBodies.CampaignRequest request) {
        var campaign = campaigns.start(actor, request.campaign());
        return CampaignBodies.CampaignResponse.of(campaign, campaigns.progress(actor, campaign.id()));
    }

    @GetMapping("/{id}")
    CampaignBodies.CampaignResponse get(Actor actor, @PathVariable UUID id) {
        return CampaignBodies.CampaignResponse.of(campaigns.get(actor, id), campaigns.progress(actor, id));
    }

    @GetMapping("/{id}/items")
    CursorPage<CampaignBodies.ItemResponse> items(
            Actor actor,
            @PathVariable UUID id,
            @Parameter(description = "Only the items of contacts the reader follows") @RequestParam(required = false)
                    boolean mine,
            @Parameter(schema = @Schema(allowableValues = {"pending", "done", "confirm", "update", "invalid", "trash"}))
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return campaigns
                .items(actor, id, mine, status, cursor, CursorPage.limit(limit))
                .map(CampaignBodies.ItemResponse::of);
    }

    @PatchMapping(
            path = "/{id}/items",
            consumes = {"application/json", "application/merge-patch+json"})
    @ProblemResponse(
            status = 409,
            description = "The campaign is closed.",
            types = {"review-campaign-closed"})
    List<CampaignBodies.ItemResponse> act(
            Actor actor, @PathVariable UUID id, @RequestBody CampaignBodies.ItemActionsBody body) {
        return campaigns.act(actor, id, body.actions()).stream()
                .map(CampaignBodies.ItemResponse::of)
                .toList();
    }

    @PostMapping("/{id}/close")
    @ProblemResponse(
            status = 409,
            description = "The campaign is already closed.",
            types = {"review-campaign-closed"})
    CampaignBodies.CampaignResponse close(Actor actor, @PathVariable UUID id) {
        return CampaignBodies.CampaignResponse.of(campaigns.close(actor, id), campaigns.progress(actor, id));
    }
}
