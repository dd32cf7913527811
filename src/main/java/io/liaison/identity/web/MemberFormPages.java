package io.liaison.identity.web;

import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.IdentityPermissions;
import io.liaison.identity.Member;
import io.liaison.identity.MemberService;
import io.liaison.identity.RoleService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.FormPosts;
import io.liaison.shared.web.FormPosts.Saved;
import io.liaison.shared.web.PageFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating and changing a member: plain form posts, so that a refusal shows the form again with a
 * message at each field the service rejected.
 */
@Controller
@RequestMapping("/members")
class MemberFormPages {

    private static final String VIEW = "identity/member-form";

    private final MemberService members;
    private final DepartmentService departments;
    private final RoleService roles;
    private final PageFailures failures;

    MemberFormPages(MemberService members, DepartmentService departments, RoleService roles, PageFailures failures) {
        this.members = members;
        this.roles = roles;
        this.departments = departments;
        this.failures = failures;
    }

    @GetMapping("/new")
    String newMember(Actor actor, Model model) {
        return form(actor, MemberForm.empty(), null, model);
    }

    @PostMapping
    String create(Actor actor, MemberForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return FormPosts.save(
                () -> new Saved(members.create(actor, form.toNewMember()).displayName(), "/members"),
                "members.created",
                flash,
                response,
                e -> refused(actor, form, null, e, model));
    }

    @GetMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        Member member = members.get(actor, id);
        return form(actor, MemberForm.of(member), member, model);
    }

    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            MemberForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Member current = members.get(actor, id);
        return FormPosts.save(
                () -> new Saved(
                        members.update(actor, id, form.toPatch(), form.version())
                                .displayName(),
                        "/members"),
                "members.updated",
                flash,
                response,
                e -> refused(actor, form, current, e, model));
    }

    private String refused(Actor actor, MemberForm form, @Nullable Member member, LiaisonException e, Model model) {
        model.addAttribute("failure", failures.of(e));
        return form(actor, form, member, model);
    }

    private String form(Actor actor, MemberForm form, @Nullable Member member, Model model) {
        if (!actor.can(IdentityPermissions.MEMBER_MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-members");
        }
        model.addAttribute("form", form);
        model.addAttribute("member", member);
        model.addAttribute("roles", roles.list(actor));
        model.addAttribute("tree", DepartmentTree.of(departments.list(actor)));
        return VIEW;
    }
}
