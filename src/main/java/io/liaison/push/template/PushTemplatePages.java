package io.liaison.push.template;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.ContactService;
import io.liaison.contact.ContactSetup;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.web.PageFailures;
import io.liaison.shared.web.PanelPages;
import java.util.ArrayList;
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
 * The templates page: the newest templates, a form whose variable picker inserts {@code {{name}}}
 * and the like (the organization's custom fields among them), and a live preview of the rendering
 * for a contact found by search.
 */
@Controller
@RequestMapping("/push/templates")
class PushTemplatePages extends PanelPages<Actor> {

    /** A button of the variable picker: what it inserts and the label it shows (a message key or a field's label). */
    record Choice(String variable, String label, boolean labelIsKey) {}

    private final PushTemplates templates;
    private final TemplateRenderer renderer;
    private final ContactSetup setup;
    private final ContactService contacts;
    private final PageFailures failures;

    PushTemplatePages(
            PushTemplates templates,
            TemplateRenderer renderer,
            ContactSetup setup,
            ContactService contacts,
            PageFailures failures) {
        super("push/templates");
        this.templates = templates;
        this.renderer = renderer;
        this.setup = setup;
        this.contacts = contacts;
        this.failures = failures;
    }

    @Override
    protected void list(Actor actor, Model model) {
        CursorPage<PushTemplate> page = templates.list(actor, null, null, CursorPage.MAX_LIMIT);
        model.addAttribute("templates", page.items());
        model.addAttribute("more", page.nextCursor() != null);
        model.addAttribute("choices", choices(actor));
    }

    @PostMapping
    String create(
            Actor actor,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            Model model) {
        PushTemplate created = templates.create(actor, fields(name, subject, body));
        return afterChange(actor, model, "pushTemplates.created", created.name());
    }

    /** The form filled with a template, in the place of the empty one. */
    @HxRequest
    @GetMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("template", templates.get(actor, id));
        model.addAttribute("choices", choices(actor));
        return "push/templates :: editor";
    }

    /** The empty form, in the place of one that was being edited. */
    @HxRequest
    @GetMapping("/new")
    String blank(Actor actor, Model model) {
        PushTemplates.requireSender(actor);
        model.addAttribute("choices", choices(actor));
        return "push/templates :: editor";
    }

    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            @RequestParam long version,
            Model model) {
        PushTemplate changed = templates.update(actor, id, fields(name, subject, body), version);
        return afterChange(actor, model, "pushTemplates.updated", changed.name());
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, @RequestParam long version, Model model) {
        String name = templates.get(actor, id).name();
        templates.delete(actor, id, version);
        return afterChange(actor, model, "pushTemplates.deleted", name);
    }

    /** The contacts the actor sees whose name, pinyin, company or number matches, to preview for. */
    @HxRequest
    @GetMapping("/contacts")
    String contacts(Actor actor, @RequestParam(defaultValue = "") String q, Model model) {
        PushTemplates.requireSender(actor);
        model.addAttribute("found", q.isBlank() ? List.of() : contacts.suggest(actor, q));
        return "push/templates :: found";
    }

    /**
     * The subject and body as the chosen contact would read them, or as a group would without one;
     * a template that cannot be rendered shows why in the preview's place.
     */
    @HxRequest
    @PostMapping("/preview")
    String preview(
            Actor actor,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) @Nullable UUID contactId,
            Model model) {
        PushTemplates.requireSender(actor);
        if (subject.isBlank() && body.isBlank()) {
            return "push/templates :: preview";
        }
        try {
            Template template = renderer.parse(actor.orgId(), subject, body);
            model.addAttribute(
                    "rendered",
                    contactId == null
                            ? renderer.renderWithout(template)
                            : renderer.preview(actor, template, contactId));
        } catch (LiaisonException e) {
            model.addAttribute("failure", failures.of(e));
        }
        return "push/templates :: preview";
    }

    private List<Choice> choices(Actor actor) {
        List<Choice> choices = new ArrayList<>();
        for (String key : TemplateSyntax.BUILT_IN) {
            choices.add(new Choice(key, "pushTemplates.variable." + key, true));
        }
        setup.customFields(actor)
                .forEach(f -> choices.add(new Choice(Variable.FIELD_PREFIX + f.key(), f.label(), false)));
        return choices;
    }

    private static MergePatch fields(String name, String subject, String body) {
        Map<String, @Nullable Object> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("subject", subject);
        fields.put("body", body);
        return new MergePatch(fields, PushTemplates.FIELDS);
    }
}
