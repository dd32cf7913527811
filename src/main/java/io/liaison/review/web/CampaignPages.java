package io.liaison.review.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.ContactSetup;
import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.MemberService;
import io.liaison.review.ReviewPermissions;
import io.liaison.review.campaign.Campaign;
import io.liaison.review.campaign.CampaignItem;
import io.liaison.review.campaign.CampaignService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.PageFailures;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign pages: the campaigns the member has items in and those they started, with progress
 * bars; the start form; a campaign with the member's items and their four actions (one row or the
 * ticked ones, over htmx) and, for its starter, the progress per member and, once closed, the summary.
 */
@Controller
@RequestMapping("/review/campaigns")
class CampaignPages {

    static final int LISTED = 100;
    static final int ITEMS_SHOWN = 100;
    /** What the finding of an item marked invalid says, for the item's badge. */
    static final String MARKED = "review.reason." + CampaignService.MARKED;

    private final CampaignService campaigns;
    private final ContactSetup setup;
    private final DepartmentService departments;
    private final MemberService members;
    private final PageFailures failures;

    CampaignPages(
            CampaignService campaigns,
            ContactSetup setup,
            DepartmentService departments,
            MemberService members,
            PageFailures failures) {
        this.campaigns = campaigns;
        this.setup = setup;
        this.departments = departments;
        this.members = members;
        this.failures = failures;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        List<Campaign> all = campaigns.list(actor, null, LISTED).items();
        model.addAttribute(
                "forMe", all.stream().filter(c -> c.mine().total() > 0).toList());
        model.addAttribute("started", all.stream().filter(Campaign::manages).toList());
        return "review/campaigns";
    }

    @GetMapping("/new")
    String form(Actor actor, Model model) {
        requireStarter(actor);
        return form(actor, CampaignForm.empty(), model);
    }

    @PostMapping
    String start(Actor actor, CampaignForm form, Model model) {
        requireStarter(actor);
        try {
            Campaign campaign = campaigns.start(actor, form.campaign());
            return "redirect:/review/campaigns/" + campaign.id();
        } catch (LiaisonException e) {
            model.addAttribute("failure", failures.of(e));
            return form(actor, form, model);
        }
    }

    /** A campaign: the member's items ({@code all}, the starter's default: every item they see), by status. */
    @GetMapping("/{id}")
    String campaign(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Boolean all,
            Model model) {
        Campaign campaign = campaigns.get(actor, id);
        // the starter sees everyone's items unless they ask for their own
        boolean everyone = campaign.manages() && (all == null || all);
        model.addAttribute("campaign", campaign);
        model.addAttribute("progress", campaign.manages() ? campaigns.progress(actor, id) : List.of());
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("all", everyone);
        model.addAttribute("page", campaigns.items(actor, id, !everyone, blank(status), null, ITEMS_SHOWN));
        model.addAttribute("marked", MARKED);
        return "review/campaign";
    }

    /** The next rows of the list, after {@code cursor}. */
    @HxRequest
    @GetMapping("/{id}/items")
    String more(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam String cursor,
            Model model) {
        Campaign campaign = campaigns.get(actor, id);
        boolean everyone = all && campaign.manages();
        model.addAttribute("campaign", campaign);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("all", everyone);
        model.addAttribute("page", campaigns.items(actor, id, !everyone, blank(status), cursor, ITEMS_SHOWN));
        model.addAttribute("marked", MARKED);
        return "review/campaign :: more";
    }

    /** One action on the ticked items (or the one row's): answers their rows as they are now. */
    @HxRequest
    @PostMapping("/{id}/items")
    String act(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(name = "itemId", required = false) @Nullable List<UUID> itemIds,
            @RequestParam String action,
            Model model) {
        List<UUID> ids =
                itemIds == null ? List.of() : itemIds.stream().distinct().toList();
        List<CampaignItem> done = campaigns.act(
                actor,
                id,
                ids.stream().map(i -> new CampaignService.ItemAction(i, action)).toList());
        model.addAttribute("campaign", campaigns.get(actor, id));
        model.addAttribute("items", done);
        model.addAttribute("marked", MARKED);
        return "review/campaign :: acted";
    }

    @PostMapping("/{id}/close")
    String close(Actor actor, @PathVariable UUID id) {
        campaigns.close(actor, id);
        return "redirect:/review/campaigns/" + id;
    }

    private String form(Actor actor, CampaignForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("tagGroups", setup.tagGroups(actor));
        model.addAttribute(
                "departments", DepartmentTree.of(departments.list(actor)).nodes());
        model.addAttribute(
                "ownerName",
                form.ownerId() == null
                        ? null
                        : members.displayNames(actor, List.of(form.ownerId()), false)
                                .get(form.ownerId()));
        return "review/campaign-form";
    }

    private static void requireStarter(Actor actor) {
        if (!actor.can(ReviewPermissions.CAMPAIGN)) {
            throw LiaisonException.forbidden("forbidden.start-campaign");
        }
    }

    private static @Nullable String blank(@Nullable String status) {
        return status == null || status.isBlank() ? null : status;
    }
}
