package io.liaison.contact.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Contacts in the trash, with who moved them there and when; restoring one takes its row away. */
@Controller
@RequestMapping("/trash")
class TrashPage {

    static final int PAGE_SIZE = 50;

    private final ContactService contacts;
    private final MemberDirectory directory;

    TrashPage(ContactService contacts, MemberDirectory directory) {
        this.contacts = contacts;
        this.directory = directory;
    }

    @GetMapping
    String page(Actor actor, Model model) {
        rows(actor, null, model);
        return "contact/trash";
    }

    @HxRequest
    @GetMapping
    String rows(Actor actor, @RequestParam(required = false) @Nullable String cursor, Model model) {
        CursorPage<Contact> page = contacts.trashed(actor, cursor, PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("cursor", cursor);
        model.addAttribute(
                "names",
                directory.names(
                        actor,
                        page.items().stream()
                                .map(Contact::trashedBy)
                                .filter(Objects::nonNull)
                                .collect(Collectors.toSet())));
        return "contact/trash :: rows";
    }

    /** Answers the success toast, out of band, and nothing for the row, which htmx then removes. */
    @HxRequest
    @PostMapping("/{id}/restore")
    String restore(Actor actor, @PathVariable UUID id, Model model) {
        Contact restored = contacts.restore(actor, id);
        model.addAttribute("restored", restored);
        return "contact/trash :: restored";
    }
}
