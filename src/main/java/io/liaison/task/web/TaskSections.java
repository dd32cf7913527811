package io.liaison.task.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.identity.Actor;
import io.liaison.shared.web.ViewerTimes;
import io.liaison.task.core.TaskAgenda;
import io.liaison.task.core.TaskAgenda.Filter;
import io.liaison.task.core.TaskAgenda.Scope;
import io.liaison.task.event.EventService;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The open tasks of one contact (on the contact page, with its upcoming events) or one conversation (in
 * the chat), each with a way to make a new one for it. Other modules' pages load them over htmx, so that they need not know
 * the task module.
 */
@Controller
@HxRequest
class TaskSections {

    /** The most upcoming events the contact's section lists. */
    static final int EVENTS = 5;

    private final TaskAgenda agenda;
    private final TaskViews views;
    private final EventService events;

    TaskSections(TaskAgenda agenda, TaskViews views, EventService events) {
        this.agenda = agenda;
        this.views = views;
        this.events = events;
    }

    /** An upcoming event as the contact's section lists it: when, in the reader's zone and language. */
    record EventRow(UUID id, String title, String kind, String when) {}

    @GetMapping("/tasks/of-contact/{contactId}")
    String ofContact(Actor actor, @PathVariable UUID contactId, Locale locale, Model model) {
        model.addAttribute("rows", views.rows(actor, agenda.open(actor, new Filter(Scope.ALL, contactId, null))));
        model.addAttribute("contactId", contactId);
        model.addAttribute(
                "events",
                events.upcomingWith(actor, contactId, EVENTS).stream()
                        .map(e -> new EventRow(
                                e.id(),
                                e.title(),
                                e.kind(),
                                ViewerTimes.dateTime(e.startAt().atOffset(ZoneOffset.UTC), ViewerTimes.zone(), locale)))
                        .toList());
        return "task/sections :: contact";
    }

    @GetMapping("/tasks/of-conversation/{conversationId}")
    String ofConversation(Actor actor, @PathVariable UUID conversationId, Model model) {
        model.addAttribute("rows", views.rows(actor, agenda.open(actor, new Filter(Scope.ALL, null, conversationId))));
        model.addAttribute("conversationId", conversationId);
        return "task/sections :: conversation";
    }
}
