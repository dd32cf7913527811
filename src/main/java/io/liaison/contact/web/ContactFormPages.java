package io.liaison.contact.web;

import io.liaison.access.ContactPermissions;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.contact.field.CustomFieldService;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.FormPosts;
import io.liaison.shared.web.FormPosts.Saved;
import io.liaison.shared.web.PageFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating and changing a contact with plain form posts. A refusal shows the form again with the
 * member's input: messages at the rejected fields, a "Save anyway" for a suspected duplicate, and for
 * a change that crossed another member's the values they saved beside the inputs that differ.
 */
@Controller
@RequestMapping("/contacts")
class ContactFormPages {

    /** The service names the first e-mail {@code emails[0].address}; the form's one e-mail input is {@code email}. */
    private static final Map<String, String> EMAIL_INPUT = Map.of("emails[0].address", "email", "emails", "email");

    private static final String VIEW = "contact/form";

    private final ContactService contacts;
    private final TagService tags;
    private final CustomFieldService customFields;
    private final MemberDirectory directory;
    private final PageFailures failures;

    ContactFormPages(
            ContactService contacts,
            TagService tags,
            CustomFieldService customFields,
            MemberDirectory directory,
            PageFailures failures) {
        this.contacts = contacts;
        this.tags = tags;
        this.customFields = customFields;
        this.directory = directory;
        this.failures = failures;
    }

    @GetMapping("/new")
    String newContact(Actor actor, Model model) {
        return form(actor, ContactForm.empty(actor.memberId()), Map.of(), null, model);
    }

    @PostMapping
    String create(
            Actor actor,
            ContactForm form,
            @RequestParam(defaultValue = "false") boolean allowDuplicate,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Map<String, @Nullable Object> values = CustomFieldInputs.read(customFields.list(actor), request);
        return FormPosts.save(
                () -> {
                    Contact created = contacts.create(
                            actor,
                            form.body(List.of(), actor.can(ContactPermissions.ASSIGN), values),
                            "manual",
                            allowDuplicate);
                    return new Saved(created.name(), "/contacts/" + created.id());
                },
                "contacts.created",
                flash,
                response,
                e -> refused(actor, form, values, null, e, model));
    }

    @GetMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        Contact contact = contacts.get(actor, id);
        return form(actor, ContactForm.of(contact), contact.fields().customFields(), contact, model);
    }

    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            ContactForm form,
            @RequestParam(defaultValue = "false") boolean allowDuplicate,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Contact current = contacts.get(actor, id);
        Map<String, @Nullable Object> values = CustomFieldInputs.read(customFields.list(actor), request);
        return FormPosts.save(
                () -> {
                    Contact changed = contacts.update(
                            actor,
                            id,
                            form.body(current.fields().emails(), actor.can(ContactPermissions.ASSIGN), values),
                            form.version(),
                            allowDuplicate);
                    return new Saved(changed.name(), "/contacts/" + id);
                },
                "contacts.updated",
                flash,
                response,
                e -> e.status().value() == 412
                        ? stale(actor, form, values, current, e, model)
                        : refused(actor, form, values, current, e, model));
    }

    /** The member sees what changed and retries on purpose: against the version they have now seen. */
    private String stale(
            Actor actor,
            ContactForm form,
            Map<String, @Nullable Object> values,
            Contact current,
            LiaisonException e,
            Model model) {
        Map<String, String> theirs = form.differencesTo(ContactForm.of(current));
        theirs.computeIfPresent(
                "ownerId", (input, owner) -> directory.names(actor).getOrDefault(UUID.fromString(owner), owner));
        model.addAttribute("theirs", theirs);
        return refused(actor, form.withVersion(current.version()), values, current, e, model);
    }

    private String refused(
            Actor actor,
            ContactForm form,
            Map<String, @Nullable Object> values,
            @Nullable Contact contact,
            LiaisonException e,
            Model model) {
        model.addAttribute("failure", failures.of(e, EMAIL_INPUT));
        model.addAttribute("duplicate", Duplicate.of(e));
        return form(actor, form, values, contact, model);
    }

    private String form(Actor actor, ContactForm form, Map<String, ?> values, @Nullable Contact contact, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("customFields", customFields.list(actor));
        model.addAttribute("customValues", values);
        model.addAttribute("contact", contact);
        model.addAttribute("departments", directory.departmentTree(actor));
        model.addAttribute("names", directory.names(actor));
        model.addAttribute("genders", ContactForm.GENDERS);
        model.addAttribute("tags", TagChips.of(tags.list(actor)));
        return VIEW;
    }
}
