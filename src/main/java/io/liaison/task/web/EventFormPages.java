package io.liaison.task.web;

import io.liaison.contact.ContactAudience;
import io.liaison.contact.ContactService;
import io.liaison.contact.ContactSuggestion;
import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.PageFailures;
import io.liaison.task.event.CalendarEvent;
import io.liaison.task.event.EventService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The event form: a new meeting, visit or call, or one to change or call off; times are typed as text
 * and read in the member's zone. Attendees are members found with the member picker and contacts
 * found by name; the reminders are chosen from a few offsets.
 */
@Controller
@RequestMapping("/calendar")
class EventFormPages {

    static final String VIEW = "task/event-form";
    /** The form's inputs of the service's fields. */
    static final Map<String, String> INPUTS = Map.of("startAt", "start", "endAt", "end");

    private final EventService events;
    private final MemberService members;
    private final DepartmentService departments;
    private final ContactAudience contacts;
    private final ContactService contactSearch;
    private final PageFailures failures;
    private final MessageSource messages;

    EventFormPages(
            EventService events,
            MemberService members,
            DepartmentService departments,
            ContactAudience contacts,
            ContactService contactSearch,
            PageFailures failures,
            MessageSource messages) {
        this.events = events;
        this.members = members;
        this.departments = departments;
        this.contacts = contacts;
        this.contactSearch = contactSearch;
        this.failures = failures;
        this.messages = messages;
    }

    @GetMapping("/events/new")
    String create(
            Actor actor,
            @RequestParam(required = false) @Nullable String day,
            @RequestParam(required = false) @Nullable UUID contact,
            Model model) {
        LocalDate date;
        try {
            date = EventForm.day(day, actor.timeZone());
        } catch (LiaisonException e) {
            date = LocalDate.now(actor.timeZone());
        }
        return render(actor, null, EventForm.blank(date, actor.memberId(), contact), model);
    }

    @GetMapping("/events/{id}")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        CalendarEvent event = events.get(actor, id);
        return render(actor, event, EventForm.of(event, actor.timeZone()), model);
    }

    @PostMapping("/events")
    String save(Actor actor, EventForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            CalendarEvent made = events.create(actor, form.draft(actor.timeZone(), null));
            flash.addFlashAttribute("notice", "calendar.event.saved");
            return "redirect:/calendar?day="
                    + made.startAt().atZone(actor.timeZone()).toLocalDate();
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("failure", failures.of(e, INPUTS));
            return render(actor, null, form, model);
        }
    }

    @PostMapping("/events/{id}")
    String change(
            Actor actor,
            @PathVariable UUID id,
            EventForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            CalendarEvent changed =
                    events.update(actor, id, before -> form.draft(actor.timeZone(), before), form.version());
            flash.addFlashAttribute("notice", "calendar.event.saved");
            return "redirect:/calendar?day="
                    + changed.startAt().atZone(actor.timeZone()).toLocalDate();
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("failure", failures.of(e, INPUTS));
            return render(actor, events.get(actor, id), form, model);
        }
    }

    @PostMapping("/events/{id}/cancel")
    String cancel(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            CalendarEvent called = events.cancel(actor, id, version);
            flash.addFlashAttribute("notice", "calendar.event.cancelled");
            return "redirect:/calendar?day="
                    + called.startAt().atZone(actor.timeZone()).toLocalDate();
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("failure", failures.of(e, INPUTS));
            CalendarEvent event = events.get(actor, id);
            return render(actor, event, EventForm.of(event, actor.timeZone()), model);
        }
    }

    /** Contacts found by name for the form, as checkboxes to tick (htmx). */
    @GetMapping("/contacts")
    String contactOptions(Actor actor, @RequestParam(required = false) @Nullable String q, Model model) {
        List<ContactSuggestion> found = q == null || q.isBlank() ? List.of() : contactSearch.suggest(actor, q.strip());
        model.addAttribute("found", found);
        return VIEW + " :: contactOptions";
    }

    private String render(Actor actor, @Nullable CalendarEvent event, EventForm form, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("zone", actor.timeZone().getId());
        model.addAttribute("memberNames", members.displayNames(actor, form.memberIds(), false));
        Map<UUID, ContactAudience.Seen> seen = contacts.visible(actor, form.contactIds());
        model.addAttribute("contactNames", seen);
        model.addAttribute(
                "hiddenContacts",
                form.contactIds().stream().filter(c -> !seen.containsKey(c)).toList());
        model.addAttribute(
                "departments", DepartmentTree.of(departments.list(actor)).nodes());
        model.addAttribute("reminderOptions", EventForm.reminderOptions(messages, LocaleContextHolder.getLocale()));
        model.addAttribute("kinds", CalendarEvent.KINDS);
        return VIEW;
    }
}
