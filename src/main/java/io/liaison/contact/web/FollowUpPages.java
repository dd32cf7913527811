package io.liaison.contact.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.ContactService;
import io.liaison.contact.followup.FollowUp;
import io.liaison.contact.followup.FollowUpService;
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
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Follow-ups on the contact page, all over htmx: a new one is prepended to the list and refreshes the
 * timeline, the last-contacted time and the form out of band; authors change and delete their own in place.
 */
@Controller
@HxRequest
@RequestMapping("/contacts/{contactId}/follow-ups")
class FollowUpPages {

    private final FollowUpService followUps;
    private final ContactService contacts;
    private final TimelineView timeline;

    FollowUpPages(FollowUpService followUps, ContactService contacts, TimelineView timeline) {
        this.followUps = followUps;
        this.contacts = contacts;
        this.timeline = timeline;
    }

    @PostMapping
    String record(Actor actor, @PathVariable UUID contactId, FollowUpForm form, Model model) {
        FollowUp recorded = followUps.record(actor, contactId, form.type(), form.content(), form.at());
        model.addAttribute("f", recorded);
        model.addAttribute("contact", contacts.get(actor, contactId));
        model.addAttribute("followUp", FollowUpForm.blank());
        model.addAttribute("types", FollowUpForm.TYPES);
        model.addAttribute("contactId", contactId);
        model.addAttribute("timeline", timeline.page(actor, contactId, null, ContactPage.PAGE_SIZE));
        return "contact/contact :: recorded";
    }

    @GetMapping
    String more(
            Actor actor,
            @PathVariable UUID contactId,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        model.addAttribute("contactId", contactId);
        model.addAttribute("followUps", followUps.list(actor, contactId, cursor, ContactPage.PAGE_SIZE));
        model.addAttribute("types", FollowUpForm.TYPES);
        return "contact/contact :: follow-up-items";
    }

    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID contactId,
            @PathVariable UUID id,
            FollowUpForm form,
            @RequestParam long version,
            Model model) {
        model.addAttribute(
                "f", followUps.update(actor, contactId, id, form.type(), form.content(), form.at(), version));
        model.addAttribute("types", FollowUpForm.TYPES);
        return "contact/contact :: follow-up";
    }

    /** Answers nothing, so that the item the button belongs to disappears. */
    @PostMapping("/{id}/delete")
    @ResponseBody
    String delete(Actor actor, @PathVariable UUID contactId, @PathVariable UUID id) {
        followUps.delete(actor, contactId, id);
        return "";
    }
}
