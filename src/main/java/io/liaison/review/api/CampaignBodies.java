package io.liaison.review.api;

import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactFilterBody;
import io.liaison.review.campaign.Campaign;
import io.liaison.review.campaign.CampaignItem;
import io.liaison.review.campaign.CampaignService;
import io.liaison.review.campaign.MemberProgress;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The campaign API's bodies, and how they become the service's requests and come back from its answers. */
final class CampaignBodies {

    private CampaignBodies() {}

    @KnownFieldsOnly
    @Schema(
            example = "{\"name\":\"年底客户整理\",\"filter\":{\"tagIds\":[\"01934f3e-8c1a-7b2d-9e4f-0a1b2c3d4e5f\"]},"
                    + "\"deadline\":\"2026-12-31T18:00:00+08:00\",\"note\":\"请确认联系方式仍然有效\"}")
    record CampaignRequest(
            @Schema(maxLength = CampaignService.MAX_NAME, example = "年底客户整理") @Nullable
            String name,

            @Schema(
                    description = "Whose contacts: the contact list's filters over the live contacts the starter sees"
                            + " ({} for all of them)")
            @Nullable
            ContactFilterBody filter,

            @Schema(description = "Until when the owners have", example = "2026-12-31T18:00:00+08:00") @Nullable
            OffsetDateTime deadline,

            @Schema(maxLength = CampaignService.MAX_NOTE, example = "请确认联系方式仍然有效") @Nullable
            String note) {

        CampaignService.NewCampaign campaign() {
            return new CampaignService.NewCampaign(
                    name, filter == null ? ContactFilter.none() : filter.filter("filter."), deadline, note);
        }
    }

    @KnownFieldsOnly
    @Schema(example = "{\"itemId\":\"01934f3e-8c1a-7b2d-9e4f-0a1b2c3d4e5f\",\"action\":\"confirm\"}")
    record ItemActionBody(
            @Nullable UUID itemId,

            @Schema(allowableValues = {"confirm", "update", "invalid", "trash"}) @Nullable
            String action) {}

    @KnownFieldsOnly
    @Schema(example = "{\"items\":[{\"itemId\":\"01934f3e-8c1a-7b2d-9e4f-0a1b2c3d4e5f\",\"action\":\"confirm\"}]}")
    record ItemActionsBody(
            @ArraySchema(maxItems = CampaignService.MAX_ACTIONS) @Nullable
            List<ItemActionBody> items) {

        List<CampaignService.ItemAction> actions() {
            if (items == null) {
                throw LiaisonException.invalid("items", "invalid.required");
            }
            if (items.size() > CampaignService.MAX_ACTIONS) {
                throw LiaisonException.tooMany("items", CampaignService.MAX_ACTIONS);
            }
            return items.stream()
                    .map(a -> a == null
                            ? new CampaignService.ItemAction(null, null)
                            : new CampaignService.ItemAction(a.itemId(), a.action()))
                    .toList();
        }
    }

    @Schema(example = "{\"total\":120,\"confirmed\":60,\"updated\":20,\"invalid\":5,\"trashed\":3,\"pending\":32}")
    record CountsResponse(int total, int confirmed, int updated, int invalid, int trashed, int pending) {

        static CountsResponse of(Campaign.Counts c) {
            return new CountsResponse(c.total(), c.confirmed(), c.updated(), c.invalid(), c.trashed(), c.pending());
        }
    }

    @Schema(
            example =
                    "{\"memberId\":\"01934f3e-8c1a-7b2d-9e4f-0a1b2c3d4e5f\",\"name\":\"王芳\","
                            + "\"counts\":{\"total\":40,\"confirmed\":30,\"updated\":2,\"invalid\":1,\"trashed\":0,\"pending\":7}}")
    record MemberProgressResponse(
            UUID memberId,
            @Schema(maxLength = 100, example = "王芳") String name,
            CountsResponse counts) {

        static MemberProgressResponse of(MemberProgress p) {
            return new MemberProgressResponse(p.memberId(), p.name(), CountsResponse.of(p.counts()));
        }
    }

    @Schema(
            example = "{\"id\":\"01934f3e-8c1a-7b2d-9e4f-0a1b2c3d4e5f\",\"name\":\"年底客户整理\",\"status\":\"open\","
                    + "\"deadline\":\"2026-12-31T10:00:00Z\"}")
    record CampaignResponse(
            UUID id,

            @Schema(maxLength = CampaignService.MAX_NAME, example = "年底客户整理")
            String name,

            @Schema(maxLength = CampaignService.MAX_NOTE, example = "请确认联系方式仍然有效") @Nullable
            String note,

            ContactFilterBody filter,
            UUID startedBy,
            @Schema(maxLength = 100, example = "李经理") String startedByName,
            OffsetDateTime startedAt,
            OffsetDateTime deadline,
            @Schema(allowableValues = {"open", "closed"}) String status,
            @Nullable OffsetDateTime closedAt,

            @Schema(description = "Who closed it; null when its deadline did") @Nullable
            UUID closedBy,

            @Schema(
                    description = "The whole campaign for its starter and administrators; the reader's own items"
                            + " for an owner")
            CountsResponse progress,

            @Schema(description = "The reader's own items") CountsResponse mine,

            @ArraySchema(schema = @Schema(description = "Per owner; only in a single campaign's answer")) @Nullable
            List<MemberProgressResponse> members) {

        static CampaignResponse of(Campaign c, @Nullable List<MemberProgress> members) {
            return new CampaignResponse(
                    c.id(),
                    c.name(),
                    c.note(),
                    ContactFilterBody.of(c.filter()),
                    c.startedBy(),
                    c.startedByName(),
                    c.startedAt(),
                    c.deadline(),
                    c.status(),
                    c.closedAt(),
                    c.closedBy(),
                    CountsResponse.of(c.all()),
                    CountsResponse.of(c.mine()),
                    members == null
                            ? null
                            : members.stream().map(MemberProgressResponse::of).toList());
        }
    }

    @Schema(
            example = "{\"id\":\"01934f3e-8c1a-7b2d-9e4f-0a1b2c3d4e5f\",\"contactName\":\"张三\",\"ownerName\":\"王芳\","
                    + "\"action\":\"confirm\",\"actedByName\":\"王芳\",\"actedAt\":\"2026-12-05T03:20:00Z\"}")
    record ItemResponse(
            UUID id,
            UUID contactId,
            @Schema(maxLength = 200, example = "张三") String contactName,

            @Schema(description = "The contact is in the trash")
            boolean contactTrashed,

            @Schema(description = "The contact's current owner")
            UUID ownerId,

            @Schema(maxLength = 100, example = "王芳") String ownerName,

            @Schema(
                    allowableValues = {"confirm", "update", "invalid", "trash"},
                    description = "null while pending")
            @Nullable
            String action,

            @Nullable UUID actedBy,

            @Schema(maxLength = 100, example = "王芳") @Nullable
            String actedByName,

            @Nullable OffsetDateTime actedAt) {

        static ItemResponse of(CampaignItem i) {
            return new ItemResponse(
                    i.id(),
                    i.contactId(),
                    i.contactName(),
                    i.contactTrashed(),
                    i.ownerId(),
                    i.ownerName(),
                    i.action(),
                    i.actedBy(),
                    i.actedByName(),
                    i.actedAt());
        }
    }
}
