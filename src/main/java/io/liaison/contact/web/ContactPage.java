package io.liaison.contact.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.contact.FollowUpService;
import io.liaison.identity.Actor;
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

/** One contact: its details, follow-ups and timeline, and moving it to the trash. */
@Controller
@RequestMapping("/contacts/{id}")
class ContactPage {

    static final int PAGE_SIZE = 20;

    private final ContactService contacts;
    private final FollowUpService followUps;
    private final MemberDirectory directory;
    private final TimelineView timelineView;

    ContactPage(
            ContactService contacts, FollowUpService followUps, MemberDirectory directory, TimelineView timelineView) {
        this.contacts = contacts;
        this.followUps = followUps;
        this.directory = directory;
        this.timelineView = timelineView;
    }

    @GetMapping
    String page(Actor actor, @PathVariable UUID id, Model model) {
        Contact contact = contacts.get(actor, id);
        model.addAttribute("contact", contact);
        model.addAttribute("names", directory.names(actor));
        model.addAttribute("departmentNames", directory.departmentNames(actor));
        model.addAttribute("followUps", followUps.list(actor, id, null, PAGE_SIZE));
        model.addAttribute("followUp", FollowUpForm.blank());
        model.addAttribute("types", FollowUpForm.TYPES);
        timeline(actor, id, null, model);
        return "contact/contact";
    }

    @HxRequest
    @GetMapping("/timeline")
    String timeline(
            Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("contactId", id);
        model.addAttribute("timeline", timelineView.page(actor, id, cursor, PAGE_SIZE));
        return "contact/contact :: timeline-items";
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
