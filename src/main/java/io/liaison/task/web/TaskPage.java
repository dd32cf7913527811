package io.liaison.task.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.identity.Actor;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** One task: all it says, who does it and for whom, its checklist; completing it. */
@Controller
@RequestMapping("/tasks/{id}")
class TaskPage {

    private final TaskService tasks;
    private final TaskViews views;

    TaskPage(TaskService tasks, TaskViews views) {
        this.tasks = tasks;
        this.views = views;
    }

    @GetMapping
    String page(Actor actor, @PathVariable UUID id, Model model) {
        Task task = tasks.get(actor, id);
        model.addAttribute("row", views.row(actor, task));
        if (task.recurrence() != null) {
            model.addAttribute("repeatWords", views.repeatWords(Repeat.of(task.recurrence())));
        }
        return "task/task";
    }

    /** Completes the task from its page, which then shows it done. */
    @HxRequest
    @PostMapping("/done")
    @ResponseBody
    String done(Actor actor, @PathVariable UUID id, HttpServletResponse response) {
        tasks.complete(actor, id);
        response.setHeader("HX-Redirect", "/tasks/" + id);
        return "";
    }
}
