package io.liaison.contact.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.TagGroup;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
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
 * Tag groups as cards with their tags as chips. Everyone reads them; administrators change them
 * through htmx, and each change answers the refreshed panel, because orders and names interact.
 */
@Controller
@RequestMapping("/tags")
class TagPages extends PanelPages<Actor> {

    private final TagService tags;

    TagPages(TagService tags) {
        super("contact/tags");
        this.tags = tags;
    }

    @Override
    protected void list(Actor actor, Model model) {
        model.addAttribute("groups", tags.listCounted(actor));
        model.addAttribute("nextColor", tags.nextColor(actor));
    }

    @PostMapping("/groups")
    String createGroup(
            Actor actor,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable String color,
            @RequestParam(defaultValue = "false") boolean exclusive,
            Model model) {
        TagGroup created = tags.createGroup(actor, name, color, null, exclusive);
        return afterChange(actor, model, "tags.groupCreated", created.name());
    }

    @HxRequest
    @GetMapping("/groups/{id}/edit")
    String editGroup(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("group", tags.group(actor, id));
        return "contact/tags :: group-edit";
    }

    @PostMapping("/groups/{id}")
    String updateGroup(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam String name,
            @RequestParam String color,
            @RequestParam(defaultValue = "false") boolean exclusive,
            @RequestParam long version,
            Model model) {
        Map<String, @Nullable Object> changes = new HashMap<>();
        changes.put("name", name);
        changes.put("color", color);
        changes.put("exclusive", exclusive);
        TagGroup changed = tags.updateGroup(actor, id, changes, version);
        return afterChange(actor, model, "tags.groupUpdated", changed.name());
    }

    @PostMapping("/groups/{id}/delete")
    String deleteGroup(Actor actor, @PathVariable UUID id, @RequestParam long version, Model model) {
        String name = tags.group(actor, id).name();
        tags.deleteGroup(actor, id, version);
        return afterChange(actor, model, "tags.groupDeleted", name);
    }

    @PostMapping("/groups/{id}/move")
    String moveGroup(Actor actor, @PathVariable UUID id, @RequestParam int step, Model model) {
        tags.moveGroup(actor, id, step);
        return panel(actor, model);
    }

    @PostMapping("/groups/{id}/tags")
    String createTag(Actor actor, @PathVariable UUID id, @RequestParam String name, Model model) {
        return afterChange(
                actor,
                model,
                "tags.tagCreated",
                tags.createTag(actor, id, name, null).name());
    }

    @HxRequest
    @GetMapping("/{id}/edit")
    String editTag(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("tag", tags.tag(actor, id));
        model.addAttribute("group", tags.group(actor, tags.tag(actor, id).groupId()));
        return "contact/tags :: tag-edit";
    }

    @PostMapping("/{id}")
    String updateTag(
            Actor actor, @PathVariable UUID id, @RequestParam String name, @RequestParam long version, Model model) {
        Map<String, @Nullable Object> changes = new HashMap<>();
        changes.put("name", name);
        return afterChange(
                actor,
                model,
                "tags.tagUpdated",
                tags.updateTag(actor, id, changes, version).name());
    }

    @PostMapping("/{id}/delete")
    String deleteTag(Actor actor, @PathVariable UUID id, @RequestParam long version, Model model) {
        String name = tags.tag(actor, id).name();
        tags.deleteTag(actor, id, version);
        return afterChange(actor, model, "tags.tagDeleted", name);
    }

    @PostMapping("/{id}/move")
    String moveTag(Actor actor, @PathVariable UUID id, @RequestParam int step, Model model) {
        tags.moveTag(actor, id, step);
        return panel(actor, model);
    }
}
