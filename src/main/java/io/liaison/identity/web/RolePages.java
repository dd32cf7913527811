package io.liaison.identity.web;

import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.IdentityPermissions;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.Permissions;
import io.liaison.identity.Role;
import io.liaison.identity.RoleService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.TimeZones;
import io.liaison.shared.web.FormPosts;
import io.liaison.shared.web.FormPosts.Saved;
import io.liaison.shared.web.PageFailure;
import io.liaison.shared.web.PageFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Roles for holders of {@code role.manage}: the list with every role's permissions, a form for
 * custom roles, deleting over htmx, and for administrators the organization's masking switch and time zone. A
 * refused change shows at its field or above the form; the rules are all the service's.
 */
@Controller
@RequestMapping("/roles")
class RolePages {

    private static final String FORM = "identity/role-form";

    private final RoleService roles;
    private final DepartmentService departments;
    private final OrganizationService organizations;
    private final PageFailures failures;
    private final MessageSource messages;
    private final List<PermissionGroup> groups;

    RolePages(
            RoleService roles,
            DepartmentService departments,
            OrganizationService organizations,
            PageFailures failures,
            MessageSource messages,
            Permissions permissions) {
        this.roles = roles;
        this.departments = departments;
        this.organizations = organizations;
        this.failures = failures;
        this.messages = messages;
        this.groups = PermissionGroup.of(permissions.all());
    }

    @GetMapping
    String page(Actor actor, Model model) {
        list(actor, model);
        if (actor.isAdmin()) {
            model.addAttribute("organization", organizations.mine(actor));
            model.addAttribute("timeZones", TimeZones.OFFERED);
        }
        return "identity/roles";
    }

    @GetMapping("/new")
    String newRole(Actor actor, Model model) {
        return form(actor, RoleForm.empty(), null, model);
    }

    @PostMapping
    String create(Actor actor, RoleForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return FormPosts.save(
                () -> new Saved(roles.create(actor, form.toPatch()).name(), "/roles"),
                "roles.created",
                flash,
                response,
                e -> refused(actor, form, null, e, model));
    }

    @GetMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        Role role = roles.get(actor, id);
        return form(actor, RoleForm.of(role), role, model);
    }

    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            RoleForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Role current = roles.get(actor, id);
        return FormPosts.save(
                () -> new Saved(
                        roles.update(actor, id, form.toPatch(), form.version()).name(), "/roles"),
                "roles.updated",
                flash,
                response,
                e -> refused(actor, form, current, e, model));
    }

    /** Answers the role list; a refusal (a role still held, say) shows above it. */
    @PostMapping("/{id}/delete")
    String delete(
            Actor actor, @PathVariable UUID id, @RequestParam long version, Model model, HttpServletResponse response) {
        Role role = roles.get(actor, id);
        try {
            roles.delete(actor, id, version);
            model.addAttribute("deleted", role.name());
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            // liaison.js swaps error answers that name a swap.
            response.setHeader("HX-Reswap", "outerHTML");
            model.addAttribute("failure", failure(e));
        }
        list(actor, model);
        return "identity/roles :: list";
    }

    /** The organization's masking switch; answers its card. */
    @PostMapping("/settings")
    String settings(Actor actor, @RequestParam(defaultValue = "false") boolean maskContactDetails, Model model) {
        Map<String, @Nullable Object> change = Map.of("maskContactDetails", maskContactDetails);
        model.addAttribute(
                "organization",
                organizations.updateSettings(actor, new MergePatch(change, OrganizationService.SETTINGS)));
        model.addAttribute("settingsNotice", maskContactDetails ? "settings.maskOn" : "settings.maskOff");
        return "identity/roles :: settings";
    }

    /** The organization's time zone; answers its card. */
    @PostMapping("/time-zone")
    String timeZone(Actor actor, @RequestParam(defaultValue = "") String timeZone, Model model) {
        Map<String, @Nullable Object> change = Map.of("timeZone", timeZone);
        model.addAttribute(
                "organization",
                organizations.updateSettings(actor, new MergePatch(change, OrganizationService.SETTINGS)));
        model.addAttribute("timeZones", TimeZones.OFFERED);
        model.addAttribute("timeZoneSaved", true);
        return "identity/roles :: time-zone";
    }

    private void list(Actor actor, Model model) {
        requireManager(actor);
        model.addAttribute("roles", roles.list(actor));
        model.addAttribute("groups", groups);
        model.addAttribute(
                "departmentNames", DepartmentTree.of(departments.list(actor)).names());
    }

    private String refused(Actor actor, RoleForm form, @Nullable Role role, LiaisonException e, Model model) {
        model.addAttribute("failure", failure(e));
        return form(actor, form, role, model);
    }

    private String form(Actor actor, RoleForm form, @Nullable Role role, Model model) {
        requireManager(actor);
        model.addAttribute("form", form);
        model.addAttribute("role", role);
        model.addAttribute("groups", groups);
        model.addAttribute("scopes", DataScope.values());
        model.addAttribute("tree", DepartmentTree.of(departments.list(actor)));
        return FORM;
    }

    /**
     * The service's refusals in the words of this page: a taken name at the name input, a role still
     * held and a grant beyond the manager's own as a plain sentence above.
     */
    private PageFailure failure(LiaisonException e) {
        PageFailure f = failures.of(e);
        return switch (e.type()) {
            case "role-name-taken" ->
                new PageFailure(f.status(), f.title(), f.detail(), Map.of("name", text(e, "roles.nameTaken")));
            case "role-in-use" -> new PageFailure(f.status(), f.title(), text(e, "roles.inUse"), Map.of());
            case "forbidden" -> new PageFailure(f.status(), f.title(), text(e, "roles.beyondYours"), Map.of());
            default -> f;
        };
    }

    private String text(LiaisonException e, String key) {
        return messages.getMessage(key, e.args(), LocaleContextHolder.getLocale());
    }

    private static void requireManager(Actor actor) {
        if (!actor.can(IdentityPermissions.ROLE_MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-roles");
        }
    }
}
