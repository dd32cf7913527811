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
import io.liaison.shared.web.Patch;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskPatch;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Making, changing and deleting a task with plain form posts; a new one opened blank or from a
 * contact, a chat message or a follow-up with what they give. A refusal shows the form again with
 * the member's input and the reason at the field it concerns.
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
                                    form.reminderDurations(),
                                    form.assigneeIds(),
                                    form.contactIds(),
                                    form.conversationIds(),
                                    form.checklistItems(List.of())));
                    return new Saved(created.title(), "/tasks/" + created.id());
                },
                "tasks.created",
                flash,
                response,
                e -> refused(actor, form, null, e, model));
    }

    @GetMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        Task task = tasks.get(actor, id);
        return form(actor, TaskForm.of(task), task, model);
    }

    /**
     * Changes the task to what the form says, against the version the member saw; ticks of checklist
     * items whose text stayed are kept. Its time zone stays the task's.
     */
    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            TaskForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Task current = tasks.get(actor, id);
        return FormPosts.save(
                () -> {
                    Task changed = tasks.update(
                            actor,
                            id,
                            new TaskPatch(
                                    Patch.of(form.title() == null ? "" : form.title()),
                                    Patch.of(form.description()),
                                    Patch.of(form.priority() == null ? "normal" : form.priority()),
                                    Patch.absent(),
                                    Patch.of(form.dueAt()),
                                    Patch.absent(),
                                    Patch.of(form.repetition().rule()),
                                    Patch.of(form.reminderDurations()),
                                    Patch.of(form.assigneeIds()),
                                    Patch.of(form.contactIds()),
                                    Patch.of(form.conversationIds()),
                                    Patch.of(form.checklistItems(current.checklist()))),
                            form.version());
                    return new Saved(changed.title(), "/tasks/" + id);
                },
                "tasks.updated",
                flash,
                response,
                e -> refused(actor, form, current, e, model));
    }

    /** Deletes the task after the member said yes to the page's question. */
    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, RedirectAttributes flash) {
        Task task = tasks.get(actor, id);
        tasks.delete(actor, id, null);
        flash.addFlashAttribute("notice", "tasks.deleted");
        flash.addFlashAttribute("noticeArg", task.title());
        return "redirect:/tasks";
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
        model.addAttribute("reminderChoices", TaskForm.REMINDERS);
        model.addAttribute("memberNames", members.displayNames(actor, form.assigneeIds(), false));
        model.addAttribute("contactNames", contacts.visibleNames(actor, form.contactIds()));
        model.addAttribute(
                "departments", DepartmentTree.of(departments.list(actor)).nodes());
        return "task/form";
    }
}
