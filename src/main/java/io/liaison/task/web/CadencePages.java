package io.liaison.task.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.Tag;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.task.cadence.Cadence;
import io.liaison.task.cadence.CadenceService;
import io.liaison.task.cadence.ContactCadence;
import io.liaison.task.cadence.DueContact;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Cadences on the pages: a contact's (a section of the contact page, loaded over htmx), the tags'
 * (a section of the tags page) and the list of contacts due for a touch.
 */
@Controller
class CadencePages {

    static final int PAGE_SIZE = 50;

    private final CadenceService cadences;
    private final ContactSetup setup;

    CadencePages(CadenceService cadences, ContactSetup setup) {
        this.cadences = cadences;
        this.setup = setup;
    }

    /** The contact's cadence and when it falls due, in the viewer's zone. */
    record ContactView(ContactCadence cadence, @Nullable OffsetDateTime nextTouch, boolean overdue) {

        static ContactView of(ContactCadence cadence) {
            Instant next = cadence.nextTouch();
            return new ContactView(
                    cadence, next == null ? null : next.atOffset(ZoneOffset.UTC), cadence.overdue(Instant.now()));
        }
    }

    @HxRequest
    @GetMapping("/contacts/{id}/cadence")
    String contact(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("contactId", id);
        model.addAttribute("view", ContactView.of(cadences.forContact(actor, id)));
        return "task/cadences :: contact";
    }

    /** Sets the contact's own cadence; empty days remove it (its tags' then apply). */
    @HxRequest
    @PostMapping("/contacts/{id}/cadence")
    String setContact(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String everyDays,
            Model model) {
        model.addAttribute("contactId", id);
        model.addAttribute("view", ContactView.of(cadences.setForContact(actor, id, days(everyDays))));
        model.addAttribute("saved", true);
        return "task/cadences :: contact";
    }

    @HxRequest
    @GetMapping("/cadences/tags")
    String tags(Actor actor, Model model) {
        tagModel(actor, model);
        return "task/cadences :: tags";
    }

    /** Sets a tag's cadence; empty days remove it. */
    @HxRequest
    @PostMapping("/cadences/tags")
    String setTag(
            Actor actor,
            @RequestParam UUID tagId,
            @RequestParam(required = false) @Nullable String everyDays,
            Model model) {
        cadences.setForTag(actor, tagId, days(everyDays));
        tagModel(actor, model);
        model.addAttribute("saved", true);
        return "task/cadences :: tags";
    }

    @GetMapping("/cadences/due")
    String due(Actor actor, Model model) {
        model.addAttribute("due", cadences.due(actor, null, PAGE_SIZE));
        return "task/due";
    }

    @HxRequest
    @GetMapping(path = "/cadences/due", params = "cursor")
    String moreDue(Actor actor, @RequestParam String cursor, Model model) {
        CursorPage<DueContact> page = cadences.due(actor, cursor, PAGE_SIZE);
        model.addAttribute("due", page);
        return "task/due :: rows";
    }

    /** The tags' cadences by tag name, and the tags to choose from, by group. */
    private void tagModel(Actor actor, Model model) {
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<String, List<Tag>> byGroup = new LinkedHashMap<>();
        setup.tagGroups(actor).forEach(group -> {
            byGroup.put(group.name(), group.tags());
            group.tags().forEach(tag -> names.put(tag.id(), tag.name()));
        });
        List<Cadence> tagCadences = cadences.ofTags(actor).stream()
                .sorted(Comparator.comparing(c -> names.getOrDefault(c.tagId(), "")))
                .toList();
        model.addAttribute("tagCadences", tagCadences);
        model.addAttribute("tagNames", names);
        model.addAttribute("tagGroups", byGroup);
    }

    /** The days a form says: empty for none, else a whole number of days between 1 and 365. */
    private static @Nullable Integer days(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw LiaisonException.invalid("everyDays", "invalid.between", Cadence.MIN_DAYS, Cadence.MAX_DAYS);
        }
    }
}
