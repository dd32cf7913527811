package io.liaison.task.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.identity.Actor;
import io.liaison.task.core.TaskAgenda;
import io.liaison.task.core.TaskAgenda.Filter;
import io.liaison.task.core.TaskAgenda.Scope;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The open tasks of one contact (on the contact page) or one conversation (in the chat), each with a
 * way to make a new one for it. Other modules' pages load them over htmx, so that they need not know
 * the task module.
 */
@Controller
@HxRequest
class TaskSections {

    private final TaskAgenda agenda;
    private final TaskViews views;

    TaskSections(TaskAgenda agenda, TaskViews views) {
        this.agenda = agenda;
        this.views = views;
    }

    @GetMapping("/tasks/of-contact/{contactId}")
    String ofContact(Actor actor, @PathVariable UUID contactId, Model model) {
        model.addAttribute("rows", views.rows(actor, agenda.open(actor, new Filter(Scope.ALL, contactId, null))));
        model.addAttribute("contactId", contactId);
        return "task/sections :: contact";
    }

    @GetMapping("/tasks/of-conversation/{conversationId}")
    String ofConversation(Actor actor, @PathVariable UUID conversationId, Model model) {
        model.addAttribute("rows", views.rows(actor, agenda.open(actor, new Filter(Scope.ALL, null, conversationId))));
        model.addAttribute("conversationId", conversationId);
        return "task/sections :: conversation";
    }
}
