package io.liaison.contact.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The sharing dialog of a contact: members who may view it, members who may also edit it
 * (collaborators) and departments who may view it. The service decides who may change them.
 */
@Controller
@RequestMapping("/contacts/{id}/sharing")
class ContactSharingPages {

    private final ContactService contacts;
    private final TagService tags;
    private final MemberDirectory directory;
    private final ContactPage page;

    ContactSharingPages(ContactService contacts, TagService tags, MemberDirectory directory, ContactPage page) {
        this.contacts = contacts;
        this.tags = tags;
        this.directory = directory;
        this.page = page;
    }

    /** The dialog's form, read afresh each time it opens so that it carries the current version. */
    @HxRequest
    @GetMapping
    String dialog(Actor actor, @PathVariable UUID id, Model model) {
        Contact contact = contacts.get(actor, id);
        if (!contacts.rights(actor, id).share()) {
            throw LiaisonException.forbidden("forbidden.change-who-this-contact-is-shared-with");
        }
        var f = contact.fields();
        // Those it is shared with, members who left included, so that saving keeps them; others are
        // added with the picker, which searches the organization instead of listing it.
        Set<UUID> ids = new LinkedHashSet<>(f.shareUserIds());
        ids.addAll(f.collaboratorIds());
        Map<UUID, String> names = directory.names(actor, ids);
        List<Map.Entry<UUID, String>> shared = ids.stream()
                .filter(names::containsKey)
                .map(memberId -> Map.entry(memberId, names.get(memberId)))
                .sorted(Map.Entry.comparingByValue())
                .toList();
        model.addAttribute("contact", contact);
        model.addAttribute("shared", shared);
        model.addAttribute("departments", directory.departmentTree(actor));
        return "contact/sharing :: dialog";
    }

    /** Saves against the version the dialog showed; answers the access block and, out of band, what else changed. */
    @HxRequest
    @PostMapping
    String save(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable List<UUID> shareUserIds,
            @RequestParam(required = false) @Nullable List<UUID> shareDeptIds,
            @RequestParam(required = false) @Nullable List<UUID> collaboratorIds,
            @RequestParam long version,
            Model model) {
        Map<String, @Nullable Object> body = Map.of(
                "shareUserIds", texts("shareUserIds", shareUserIds),
                "shareDeptIds", texts("shareDeptIds", shareDeptIds),
                "collaboratorIds", texts("collaboratorIds", collaboratorIds));
        Contact contact = contacts.update(actor, id, body, version, false);
        model.addAttribute("contact", contact);
        model.addAttribute("names", directory.names(actor));
        model.addAttribute("departmentNames", directory.departmentNames(actor));
        model.addAttribute("tags", TagChips.of(tags.list(actor)));
        model.addAttribute("sharingSaved", true);
        page.access(actor, contact, model);
        page.timeline(actor, id, null, model);
        return "contact/contact :: sharing-saved";
    }

    private static List<String> texts(String field, @Nullable List<UUID> ids) {
        return Ids.given(field, ids).stream().distinct().map(UUID::toString).toList();
    }
}
