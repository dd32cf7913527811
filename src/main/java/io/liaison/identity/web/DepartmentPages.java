package io.liaison.identity.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.identity.Actor;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.shared.MergePatch;
import io.liaison.shared.web.PanelPages;
import java.util.HashMap;
import java.util.Map;
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
 * The department tree. Everyone reads it; administrators create, rename, move and delete through
 * htmx, and each change answers the refreshed panel, because a move reorders the whole tree.
 */
@Controller
@RequestMapping("/departments")
class DepartmentPages extends PanelPages<Actor> {

    private final DepartmentService departments;

    DepartmentPages(DepartmentService departments) {
        super("identity/departments");
        this.departments = departments;
    }

    @Override
    protected void list(Actor actor, Model model) {
        model.addAttribute("tree", DepartmentTree.of(departments.list(actor)));
    }

    @PostMapping
    String create(
            Actor actor,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable UUID parentId,
            Model model) {
        Department created = departments.create(actor, name, parentId, 0);
        return afterChange(actor, model, "departments.created", created.name());
    }

    @HxRequest
    @GetMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        DepartmentTree tree = DepartmentTree.of(departments.list(actor));
        model.addAttribute("department", departments.get(actor, id));
        model.addAttribute("parents", tree.parentsFor(id));
        return "identity/departments :: edit";
    }

    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable UUID parentId,
            @RequestParam long version,
            Model model) {
        Map<String, @Nullable Object> changes = new HashMap<>();
        changes.put("name", name);
        changes.put("parentId", parentId == null ? null : parentId.toString());
        Department changed =
                departments.update(actor, id, new MergePatch(changes, DepartmentService.PATCHABLE), version);
        return afterChange(actor, model, "departments.updated", changed.name());
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, @RequestParam long version, Model model) {
        String name = departments.get(actor, id).name();
        departments.delete(actor, id, version);
        return afterChange(actor, model, "departments.deleted", name);
    }
}
