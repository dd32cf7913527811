package io.liaison.task.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.ContactAudience;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.shared.web.ViewerTimes;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskAgenda;
import io.liaison.task.core.TaskAgenda.Filter;
import io.liaison.task.core.TaskAgenda.Scope;
import io.liaison.task.core.TaskService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * My tasks: overdue, today, upcoming and recently done, with today's bounds in the member's zone;
 * those assigned to them, made by them or all they see, of one contact when chosen. Ticking a task
 * done goes over htmx and answers its row, done.
 */
@Controller
class TaskListPage {

    /** How many done tasks the page recalls. */
    static final int DONE_SHOWN = 20;

    private final TaskAgenda agenda;
    private final TaskService tasks;
    private final TaskViews views;
    private final ContactAudience audience;
    private final ContactService contacts;

    TaskListPage(
            TaskAgenda agenda, TaskService tasks, TaskViews views, ContactAudience audience, ContactService contacts) {
        this.agenda = agenda;
        this.tasks = tasks;
        this.views = views;
        this.audience = audience;
        this.contacts = contacts;
    }

    @GetMapping("/tasks")
    String list(
            Actor actor,
            @RequestParam(defaultValue = "assigned") String show,
            @RequestParam(required = false) @Nullable UUID contact,
            Model model) {
        Scope scope = scope(show);
        Filter filter = new Filter(scope, contact, null);
        ZoneId zone = ViewerTimes.zone();
        Instant now = Instant.now();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, List<TaskRow>> sections = new LinkedHashMap<>();
        sections.put("overdue", views.rows(actor, agenda.overdue(actor, filter, now)));
        sections.put("today", views.rows(actor, agenda.dueBetween(actor, filter, now, tomorrow)));
        sections.put("upcoming", views.rows(actor, agenda.upcoming(actor, filter, tomorrow)));
        sections.put("done", views.rows(actor, agenda.recentlyDone(actor, filter, DONE_SHOWN)));
        model.addAttribute("sections", sections);
        model.addAttribute("show", scope.name().toLowerCase(Locale.ROOT));
        model.addAttribute("contactId", contact);
        model.addAttribute(
                "contactName",
                contact == null
                        ? null
                        : audience.visibleNames(actor, List.of(contact)).get(contact));
        return "task/list";
    }

    /** Contacts matching what the member typed, to show the tasks of one. */
    @HxRequest
    @GetMapping("/tasks/contacts")
    String contacts(
            Actor actor,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "filter") String purpose,
            Model model) {
        model.addAttribute("found", q.isBlank() ? List.of() : contacts.suggest(actor, q));
        model.addAttribute("purpose", purpose);
        return "task/list :: found";
    }

    /** Marks the task done and answers its row as it is now (a repeating one has opened its next). */
    @HxRequest
    @PostMapping("/tasks/{id}/complete")
    String complete(Actor actor, @PathVariable UUID id, Model model) {
        Task done = tasks.complete(actor, id);
        model.addAttribute("row", views.row(actor, done));
        return "task/list :: row";
    }

    private static Scope scope(String show) {
        return switch (show) {
            case "made" -> Scope.MADE;
            case "all" -> Scope.ALL;
            default -> Scope.ASSIGNED;
        };
    }
}
