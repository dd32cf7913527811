package io.liaison.review.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactSetup;
import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.Member;
import io.liaison.identity.MemberService;
import io.liaison.review.handover.HandOver;
import io.liaison.review.handover.HandOvers;
import io.liaison.shared.LiaisonException;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The hand-over tab: the deactivated members who still hold something, and per member a wizard (who
 * takes over, all or the contacts a filter keeps with a live count, what to include, an optional
 * message with its preview), then the job's progress, polled, and its result.
 */
@Controller
@RequestMapping("/review/hand-overs")
class HandOverPages {

    private final HandOvers handOvers;
    private final MemberService members;
    private final DepartmentService departments;
    private final ContactSetup setup;

    HandOverPages(HandOvers handOvers, MemberService members, DepartmentService departments, ContactSetup setup) {
        this.handOvers = handOvers;
        this.members = members;
        this.departments = departments;
        this.setup = setup;
    }

    /** What the wizard's form sends; the filter applies when {@code scope} is {@code filter}. */
    record HandOverForm(
            @Nullable UUID toMemberId,
            @Nullable String scope,
            @Nullable List<UUID> tagIds,
            @Nullable String tagMode,
            @Nullable List<String> include,
            @Nullable Boolean sendMessage,
            @Nullable String channel,
            @Nullable String message) {

        @Nullable
        ContactFilter filter() {
            if (!"filter".equals(scope)) {
                return null;
            }
            if (tagIds != null && tagIds.size() > 50) {
                throw LiaisonException.tooMany("tagIds", 50);
            }
            return ContactFilter.of(null, tagIds == null ? List.of() : tagIds, !"any".equals(tagMode), null);
        }

        HandOvers.Start start() {
            if (toMemberId == null) {
                throw LiaisonException.invalid("toMemberId", "invalid.required");
            }
            boolean sending = Boolean.TRUE.equals(sendMessage);
            return new HandOvers.Start(
                    toMemberId,
                    filter(),
                    include == null ? List.of() : include,
                    sending ? channel : null,
                    sending ? message : null);
        }
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("waiting", handOvers.waiting(actor));
        model.addAttribute(
                "departments", DepartmentTree.of(departments.list(actor)).nodes());
        return "review/hand-overs";
    }

    /** The member picked on the list page: their wizard. */
    @GetMapping("/start")
    String pick(Actor actor, @RequestParam(required = false) @Nullable UUID member) {
        if (member == null) {
            return "redirect:/review/hand-overs";
        }
        return "redirect:/review/hand-overs/" + members.get(actor, member).id();
    }

    @GetMapping("/{memberId}")
    String wizard(Actor actor, @PathVariable UUID memberId, Model model) {
        Member member = members.get(actor, memberId);
        model.addAttribute("member", member);
        model.addAttribute("holdings", handOvers.holdings(actor, memberId, null));
        model.addAttribute("groups", setup.tagGroups(actor));
        model.addAttribute(
                "departments", DepartmentTree.of(departments.list(actor)).nodes());
        List<HandOver> recent = handOvers.ofMember(actor, memberId);
        model.addAttribute("recent", recent);
        model.addAttribute("names", members.displayNames(actor));
        return "review/hand-over";
    }

    /** The contacts the chosen scope keeps, counted as the form changes. */
    @HxRequest
    @GetMapping("/{memberId}/count")
    String count(Actor actor, @PathVariable UUID memberId, HandOverForm form, Model model) {
        model.addAttribute("counted", handOvers.holdings(actor, memberId, form.filter()));
        return "review/hand-over :: count";
    }

    /** The message as the contacts will read it. */
    @HxRequest
    @PostMapping("/{memberId}/preview")
    String preview(Actor actor, @PathVariable UUID memberId, HandOverForm form, Model model) {
        String text = form.message() == null ? "" : form.message();
        model.addAttribute(
                "letter", form.toMemberId() == null ? null : handOvers.preview(actor, form.toMemberId(), text));
        return "review/hand-over :: preview";
    }

    @HxRequest
    @PostMapping("/{memberId}")
    @ResponseBody
    String start(Actor actor, @PathVariable UUID memberId, HandOverForm form, HttpServletResponse response) {
        HandOver h = handOvers.start(actor, memberId, form.start());
        response.setHeader("HX-Redirect", "/review/hand-overs/" + memberId + "/runs/" + h.id());
        return "";
    }

    @GetMapping("/{memberId}/runs/{id}")
    String run(Actor actor, @PathVariable UUID memberId, @PathVariable UUID id, Model model) {
        progress(actor, memberId, id, model);
        model.addAttribute("member", members.get(actor, memberId));
        return "review/hand-over-run";
    }

    @HxRequest
    @GetMapping("/{memberId}/runs/{id}")
    String progress(Actor actor, @PathVariable UUID memberId, @PathVariable UUID id, Model model) {
        HandOver h = handOvers.get(actor, id);
        if (!h.fromMember().equals(memberId)) {
            throw LiaisonException.notFound("handover", id);
        }
        model.addAttribute("run", h);
        model.addAttribute("states", handOvers.messageStates(actor, id));
        model.addAttribute("left", handOvers.holdings(actor, memberId, null));
        model.addAttribute("names", members.displayNames(actor, List.of(h.fromMember(), h.toMember()), false));
        return "review/hand-over-run :: progress";
    }
}
