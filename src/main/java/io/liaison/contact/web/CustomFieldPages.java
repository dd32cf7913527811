package io.liaison.contact.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.CustomField;
import io.liaison.contact.field.CustomFieldService;
import io.liaison.identity.Actor;
import io.liaison.shared.web.PanelPages;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's custom fields. Everyone reads them; administrators define, edit and delete
 * them through htmx. Options are typed one per line, as that is how people list them.
 */
@Controller
@RequestMapping("/custom-fields")
class CustomFieldPages extends PanelPages<Actor> {

    private final CustomFieldService fields;

    CustomFieldPages(CustomFieldService fields) {
        super("contact/custom-fields");
        this.fields = fields;
    }

    @Override
    protected void list(Actor actor, Model model) {
        model.addAttribute("fields", fields.list(actor));
        model.addAttribute("types", CustomField.TYPES);
    }

    @PostMapping
    String create(
            Actor actor,
            @RequestParam String key,
            @RequestParam String label,
            @RequestParam String type,
            @RequestParam(defaultValue = "") String options,
            @RequestParam(defaultValue = "false") boolean required,
            Model model) {
        CustomField created = fields.create(
                actor, new CustomFieldService.NewCustomField(key, label, type, lines(options), required, null));
        return afterChange(actor, model, "customFields.created", created.label());
    }

    @HxRequest
    @GetMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("field", fields.get(actor, id));
        return "contact/custom-fields :: edit";
    }

    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam String label,
            @RequestParam(required = false) @Nullable String options,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam long version,
            Model model) {
        Map<String, @Nullable Object> changes = new HashMap<>();
        changes.put("label", label);
        changes.put("required", required);
        if (options != null) {
            changes.put("options", lines(options));
        }
        CustomField changed = fields.update(actor, id, changes, version);
        return afterChange(actor, model, "customFields.updated", changed.label());
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, @RequestParam long version, Model model) {
        String label = fields.get(actor, id).label();
        fields.delete(actor, id, version);
        return afterChange(actor, model, "customFields.deleted", label);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
