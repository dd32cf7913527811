package io.liaison.identity.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.Member;
import io.liaison.identity.MemberFilter;
import io.liaison.identity.MemberHoldings;
import io.liaison.identity.MemberService;
import io.liaison.shared.CursorPage;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The member list: search, department filter and "load more" answer table rows over htmx; an
 * administrator deactivates and activates members in place. A deactivated member who still holds
 * contacts, groups or tasks ({@link MemberHoldings}, from the modules that keep them) shows that the
 * deactivation is not complete, with a link to hand them over.
 */
@Controller
@RequestMapping("/members")
class MemberPages {

    static final int PAGE_SIZE = 50;

    private final MemberService members;
    private final DepartmentService departments;
    private final List<MemberHoldings> holdings;

    MemberPages(MemberService members, DepartmentService departments, List<MemberHoldings> holdings) {
        this.members = members;
        this.departments = departments;
        this.holdings = holdings;
    }

    /** The list's filters as the filter bar sends them; "load more" repeats them with the cursor. */
    record ListQuery(
            @Nullable String q,
            @Nullable UUID department,
            @Nullable Boolean inactive,
            @Nullable String cursor) {

        MemberFilter filter() {
            return new MemberFilter(
                    q == null || q.isBlank() ? null : q.trim(), department, Boolean.TRUE.equals(inactive));
        }
    }

    @GetMapping
    String page(Actor actor, ListQuery query, Model model) {
        rows(actor, query, model);
        model.addAttribute("tree", DepartmentTree.of(departments.list(actor)));
        return "identity/members";
    }

    @HxRequest
    @GetMapping
    String rows(Actor actor, ListQuery query, Model model) {
        CursorPage<Member> page = members.list(actor, query.filter(), query.cursor(), PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("page", page);
        model.addAttribute(
                "departmentNames", DepartmentTree.of(departments.list(actor)).names());
        model.addAttribute(
                "held",
                held(
                        actor,
                        page.items().stream()
                                .filter(m -> !m.active())
                                .map(Member::id)
                                .toList()));
        return "identity/members :: rows";
    }

    @HxRequest
    @PostMapping("/{id}/deactivate")
    String deactivate(Actor actor, @PathVariable UUID id, Model model) {
        return row(actor, members.deactivate(actor, id), model);
    }

    @HxRequest
    @PostMapping("/{id}/activate")
    String activate(Actor actor, @PathVariable UUID id, Model model) {
        return row(actor, members.activate(actor, id), model);
    }

    private String row(Actor actor, Member member, Model model) {
        model.addAttribute("m", member);
        model.addAttribute("held", member.active() ? Map.of() : held(actor, List.of(member.id())));
        model.addAttribute(
                "departmentNames", DepartmentTree.of(departments.list(actor)).names());
        return "identity/members :: row";
    }

    /** What the deactivated members among them still hold, by member, summed over the modules that keep things. */
    private Map<UUID, MemberHoldings.Held> held(Actor actor, Collection<UUID> inactive) {
        Map<UUID, MemberHoldings.Held> held = new HashMap<>();
        if (inactive.isEmpty()) {
            return held;
        }
        for (MemberHoldings source : holdings) {
            source.held(actor, inactive)
                    .forEach((id, h) -> held.merge(
                            id,
                            h,
                            (a, b) -> new MemberHoldings.Held(
                                    a.contacts() + b.contacts(),
                                    a.conversations() + b.conversations(),
                                    a.tasks() + b.tasks(),
                                    a.link())));
        }
        return held;
    }
}
