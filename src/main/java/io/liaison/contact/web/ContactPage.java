package io.liaison.contact.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.access.ContactAccess;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactRights;
import io.liaison.contact.ContactService;
import io.liaison.contact.followup.FollowUpService;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.shared.CustomFieldLabels;
import io.liaison.shared.Ids;
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

/** One contact: its details, tags, follow-ups and timeline, and moving it to the trash. */
@Controller
@RequestMapping("/contacts/{id}")
class ContactPage {

    static final int PAGE_SIZE = 20;

    private final ContactService contacts;
    private final TagService tags;
    private final FollowUpService followUps;
    private final MemberDirectory directory;
    private final TimelineView timelineView;
    private final ContactAccess access;
    private final CustomFieldLabels fieldLabels;

    ContactPage(
            ContactService contacts,
            TagService tags,
            FollowUpService followUps,
            MemberDirectory directory,
            TimelineView timelineView,
            ContactAccess access,
            CustomFieldLabels fieldLabels) {
        this.contacts = contacts;
        this.tags = tags;
        this.followUps = followUps;
        this.directory = directory;
        this.timelineView = timelineView;
        this.access = access;
        this.fieldLabels = fieldLabels;
    }

    @GetMapping
    String page(Actor actor, @PathVariable UUID id, Model model) {
        Contact contact = contacts.get(actor, id);
        model.addAttribute("contact", contact);
        model.addAttribute("tags", TagChips.of(tags.list(actor)));
        model.addAttribute("names", directory.names(actor));
        model.addAttribute("departmentNames", directory.departmentNames(actor));
        model.addAttribute("fieldLabels", fieldLabels.labels(actor.orgId()));
        model.addAttribute("followUps", followUps.list(actor, id, null, PAGE_SIZE));
        model.addAttribute("followUp", FollowUpForm.blank());
        model.addAttribute("types", FollowUpForm.TYPES);
        access(actor, contact, model);
        timeline(actor, id, null, model);
        return "contact/contact";
    }

    /**
     * Why the member sees the contact, and what they may do with it: edit, delete, share, reveal its
     * details; what they may not do is not offered.
     */
    void access(Actor actor, Contact contact, Model model) {
        ContactRights rights = contacts.rights(actor, contact.id());
        model.addAttribute("access", rights.reason());
        model.addAttribute("mayEdit", rights.edit());
        model.addAttribute("mayDelete", rights.delete());
        model.addAttribute("mayShare", rights.share());
        model.addAttribute("mayReveal", contact.masked() && access.mayReveal(actor, contact.ownerId()));
    }

    /** The full mobile, phones and e-mails in place of the masked ones; the service audits it. */
    @HxRequest
    @PostMapping("/reveal")
    String reveal(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("contact", contacts.reveal(actor, id));
        model.addAttribute("mayReveal", false);
        model.addAttribute("revealed", true);
        return "contact/contact :: reach";
    }

    @HxRequest
    @GetMapping("/timeline")
    String timeline(
            Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("contactId", id);
        model.addAttribute("timeline", timelineView.page(actor, id, cursor, PAGE_SIZE));
        return "contact/contact :: timeline-items";
    }

    /**
     * Replaces the contact's tags against the version the member saw; the answer is the tags block and,
     * out of band, the new version for the trash button and the timeline with the change.
     */
    @HxRequest
    @PostMapping("/tags")
    String saveTags(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(name = "tagIds", required = false) @Nullable List<UUID> tagIds,
            @RequestParam long version,
            Model model) {
        List<String> ids =
                Ids.given("tagIds", tagIds).stream().map(UUID::toString).toList();
        Contact contact = contacts.update(actor, id, Map.of("tagIds", ids), version, false);
        model.addAttribute("contact", contact);
        model.addAttribute("tags", TagChips.of(tags.list(actor)));
        model.addAttribute("mayEdit", true);
        timeline(actor, id, null, model);
        return "contact/contact :: tags-saved";
    }

    @PostMapping("/trash")
    String trash(Actor actor, @PathVariable UUID id, @RequestParam long version, RedirectAttributes flash) {
        Contact contact = contacts.get(actor, id);
        contacts.trash(actor, id, version);
        flash.addFlashAttribute("notice", "contacts.trashedOne");
        flash.addFlashAttribute("noticeArg", contact.name());
        return "redirect:/contacts";
    }
}
