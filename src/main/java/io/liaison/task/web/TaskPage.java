package io.liaison.task.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskComments;
import io.liaison.task.core.TaskPatch;
import io.liaison.task.core.TaskService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
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
 * One task: all it says, who does it and for whom, its checklist and comments. Completing,
 * reopening, ticking a checklist item and commenting go over htmx; editing and deleting are the
 * form's ({@link TaskFormPages}).
 */
@Controller
@RequestMapping("/tasks/{id}")
class TaskPage {

    /** Comments a page shows at once; older ones come with "more". */
    static final int COMMENTS_SHOWN = 50;

    private final TaskService tasks;
    private final TaskComments comments;
    private final TaskViews views;

    TaskPage(TaskService tasks, TaskComments comments, TaskViews views) {
        this.tasks = tasks;
        this.comments = comments;
        this.views = views;
    }

    @GetMapping
    String page(Actor actor, @PathVariable UUID id, Model model) {
        Task task = tasks.get(actor, id);
        model.addAttribute("row", views.row(actor, task));
        if (task.recurrence() != null) {
            model.addAttribute("repeatWords", views.repeatWords(Repeat.of(task.recurrence())));
        }
        model.addAttribute(
                "reminderWords",
                task.reminders().stream().map(views::reminderWords).toList());
        model.addAttribute("comments", comments.list(actor, id, null, COMMENTS_SHOWN));
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

    /** Opens a done or cancelled task again; its reminders are planned anew. */
    @HxRequest
    @PostMapping("/reopen")
    @ResponseBody
    String reopen(Actor actor, @PathVariable UUID id, HttpServletResponse response) {
        tasks.update(actor, id, TaskPatch.none().withStatus("open"), null);
        response.setHeader("HX-Redirect", "/tasks/" + id);
        return "";
    }

    /** Ticks or unticks one item of the checklist against the version the member saw; answers the checklist. */
    @HxRequest
    @PostMapping("/checklist/{index}")
    String tick(
            Actor actor,
            @PathVariable UUID id,
            @PathVariable int index,
            @RequestParam boolean done,
            @RequestParam long version,
            Model model) {
        Task task = tasks.get(actor, id);
        if (index < 0 || index >= task.checklist().size()) {
            throw LiaisonException.invalid(
                    "checklist", "invalid.between", 0, task.checklist().size() - 1);
        }
        List<Task.CheckItem> items = new ArrayList<>(task.checklist());
        items.set(index, new Task.CheckItem(items.get(index).text(), done));
        Task changed = tasks.update(actor, id, TaskPatch.none().withChecklist(items), version);
        model.addAttribute("row", views.row(actor, changed));
        return "task/task :: checklist";
    }

    @HxRequest
    @GetMapping("/comments")
    String moreComments(
            Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("taskId", id);
        model.addAttribute("comments", comments.list(actor, id, cursor, COMMENTS_SHOWN));
        return "task/task :: comment-items";
    }

    /** Adds the member's comment; answers it for the end of the list and a blank form out of band. */
    @HxRequest
    @PostMapping("/comments")
    String comment(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String body, Model model) {
        model.addAttribute("c", comments.add(actor, id, body));
        model.addAttribute("taskId", id);
        return "task/task :: commented";
    }
}
