package io.liaison.contact.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactPurge;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import java.util.HashMap;
import java.util.Map;
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

/**
 * Contacts in the trash, with who moved them there and when, and in how many days the retention purges
 * them; restoring one takes its row away. An administrator ({@code contact.purge}) purges one now, or
 * empties the trash of the rows they see, after a confirmation.
 */
@Controller
@RequestMapping("/trash")
class TrashPage {

    static final int PAGE_SIZE = 50;

    private final ContactService contacts;
    private final MemberDirectory directory;
    private final ContactPurge purge;

    TrashPage(ContactService contacts, MemberDirectory directory, ContactPurge purge) {
        this.contacts = contacts;
        this.directory = directory;
        this.purge = purge;
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
        Map<UUID, Long> daysLeft = new HashMap<>();
        Map<UUID, Object> purgedAt = new HashMap<>();
        page.items().stream().filter(c -> c.trashedAt() != null).forEach(c -> {
            daysLeft.put(c.id(), purge.daysLeft(actor, c.trashedAt()));
            purgedAt.put(c.id(), purge.purgedAt(c.trashedAt()));
        });
        model.addAttribute("daysLeft", daysLeft);
        model.addAttribute("purgedAt", purgedAt);
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

    /** Purges one contact for good; like a restore, the answer is a toast and nothing for the row. */
    @HxRequest
    @PostMapping("/{id}/purge")
    String purge(Actor actor, @PathVariable UUID id, Model model) {
        purge.purge(actor, id);
        model.addAttribute("purged", 1);
        return "contact/trash :: purged";
    }

    /** Empties the trash of the contacts the administrator sees; the list comes back empty, or with those left. */
    @HxRequest
    @PostMapping("/empty")
    String empty(Actor actor, Model model) {
        model.addAttribute("purged", purge.empty(actor));
        rows(actor, null, model);
        return "contact/trash :: emptied";
    }
}
