package io.liaison.task.web;

import io.liaison.chat.ChatMessages;
import io.liaison.contact.ContactAudience;
import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.FormPosts;
import io.liaison.shared.web.FormPosts.Saved;
import io.liaison.shared.web.PageFailures;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Making a task with a plain form post, opened blank or from a contact, a chat message or a
 * follow-up with what they give. A refusal shows the form again with the member's input and the
 * reason at the field it concerns.
 */
@Controller
@RequestMapping("/tasks")
class TaskFormPages {

    /** The service's fields that the form shows under another input. */
    private static final Map<String, String> INPUTS = Map.of("dueAt", "due", "recurrence", "repeat");

    private final TaskService tasks;
    private final MemberService members;
    private final ContactAudience contacts;
    private final DepartmentService departments;
    private final PageFailures failures;
    private final ChatMessages chat;

    TaskFormPages(
            TaskService tasks,
            MemberService members,
            ContactAudience contacts,
            DepartmentService departments,
            PageFailures failures,
            ChatMessages chat) {
        this.tasks = tasks;
        this.chat = chat;
        this.members = members;
        this.contacts = contacts;
        this.departments = departments;
        this.failures = failures;
    }

    /**
     * A blank form, or one made from what the member was looking at: a contact, a conversation, a
     * message of it (its first line the title, the whole text the details, a guest's contact linked),
     * or a text such as a follow-up's.
     */
    @GetMapping("/new")
    String newTask(
            Actor actor,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable UUID contact,
            @RequestParam(required = false) @Nullable UUID conversation,
            @RequestParam(required = false) @Nullable UUID message,
            Model model) {
        String text = title == null ? "" : title.strip();
        List<UUID> linked = new ArrayList<>();
        if (contact != null) {
            linked.add(contact);
        }
        if (conversation != null && message != null) {
            ChatMessages.Quoted quoted = chat.read(actor, conversation, message);
            text = quoted.text().strip();
            if (quoted.guestContactId() != null) {
                linked.add(quoted.guestContactId());
            }
        }
        String firstLine = text.lines().findFirst().orElse("").strip();
        String start = firstLine.substring(0, Math.min(firstLine.length(), TaskService.MAX_TITLE));
        String details =
                text.equals(start) ? "" : text.substring(0, Math.min(text.length(), TaskService.MAX_DESCRIPTION));
        List<UUID> seen = linked.stream()
                .distinct()
                .filter(contacts.visibleNames(actor, linked)::containsKey)
                .toList();
        return form(
                actor,
                TaskForm.blank(
                        actor.memberId(),
                        start,
                        details,
                        seen,
                        conversation == null ? List.of() : List.of(conversation)),
                null,
                model);
    }

    @PostMapping
    String create(Actor actor, TaskForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return FormPosts.save(
                () -> {
                    Task created = tasks.create(
                            actor,
                            new TaskService.NewTask(
                                    form.title() == null ? "" : form.title(),
                                    form.description(),
                                    form.priority(),
                                    form.dueAt(),
                                    null,
                                    form.repetition().rule(),
                                    form.assigneeIds().stream().distinct().toList(),
                                    form.contactIds().stream().distinct().toList(),
                                    form.checklistItems(List.of())));
                    return new Saved(created.title(), "/tasks/" + created.id());
                },
                "tasks.created",
                flash,
                response,
                e -> refused(actor, form, null, e, model));
    }

    String refused(Actor actor, TaskForm form, @Nullable Task task, LiaisonException e, Model model) {
        Map<String, String> inputs = new HashMap<>();
        for (LiaisonException.FieldError error : e.errors()) {
            String field = error.field();
            int index = field.indexOf('[');
            String input = index < 0 ? field : field.substring(0, index);
            inputs.put(field, INPUTS.getOrDefault(input, input));
        }
        model.addAttribute("failure", failures.of(e, inputs));
        return form(actor, form, task, model);
    }

    String form(Actor actor, TaskForm form, @Nullable Task task, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("task", task);
        model.addAttribute("priorities", Task.PRIORITIES);
        model.addAttribute("repeatKinds", Repeat.KINDS);
        model.addAttribute("weekdays", Repeat.WEEKDAYS);
        model.addAttribute("memberNames", members.displayNames(actor, form.assigneeIds()));
        model.addAttribute("contactNames", contacts.visibleNames(actor, form.contactIds()));
        model.addAttribute(
                "departments", DepartmentTree.of(departments.list(actor)).nodes());
        return "task/form";
    }
}
