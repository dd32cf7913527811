package io.liaison.task.core;

import io.liaison.identity.Actor;
import io.liaison.shared.Ids;
import io.liaison.shared.web.Patch;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task as a merge patch leaves it (checked field by field), and a repeating task's next occurrence. */
final class TaskMerge {

    private TaskMerge() {}

    static Task apply(Actor actor, Task old, TaskPatch patch, TaskChecks checks) {
        Instant dueAt = patch.dueAt().present() ? patch.dueAt().value() : old.dueAt();
        boolean due = dueAt != null;
        String recurrence = patch.recurrence().present()
                ? TaskChecks.recurrence(patch.recurrence().value(), due)
                : TaskChecks.recurrence(old.recurrence(), due);
        List<UUID> assignees = ids(patch.assigneeIds(), old.assigneeIds());
        if (assignees.isEmpty()) {
            assignees = List.of(actor.memberId());
        }
        if (patch.assigneeIds().present()) {
            checks.assignees(actor, assignees);
        }
        List<UUID> contacts = ids(patch.contactIds(), old.contactIds());
        if (patch.contactIds().present()) {
            checks.contacts(actor, added(contacts, old.contactIds()));
        }
        List<UUID> conversations = ids(patch.conversationIds(), old.conversationIds());
        if (patch.conversationIds().present()) {
            checks.conversations(actor, added(conversations, old.conversationIds()));
        }
        return new Task(
                old.id(),
                patch.title().present() ? TaskChecks.title(patch.title().value()) : old.title(),
                patch.description().present()
                        ? TaskChecks.description(patch.description().value())
                        : old.description(),
                patch.priority().present()
                        ? TaskChecks.priority(patch.priority().value())
                        : old.priority(),
                old.status(),
                dueAt,
                patch.timeZone().present()
                        ? TaskChecks.zone(actor, patch.timeZone().value())
                        : old.timeZone(),
                recurrence,
                TaskChecks.reminders(
                        patch.reminders().present()
                                ? Objects.requireNonNullElse(patch.reminders().value(), List.of())
                                : old.reminders(),
                        due),
                recurrence == null ? null : Objects.requireNonNullElse(old.seriesId(), old.id()),
                old.createdBy(),
                old.createdByName(),
                old.completedBy(),
                old.completedAt(),
                assignees,
                List.of(),
                contacts,
                List.of(),
                conversations,
                List.of(),
                patch.checklist().present()
                        ? TaskChecks.checklist(
                                Objects.requireNonNullElse(patch.checklist().value(), List.of()))
                        : old.checklist(),
                old.createdAt(),
                old.updatedAt(),
                old.version());
    }

    /** The next occurrence of a repeating task: open, due at {@code due}, its checklist unticked. */
    static Task nextOf(Task done, Instant due) {
        Instant now = Instant.now();
        return new Task(
                Ids.newId(),
                done.title(),
                done.description(),
                done.priority(),
                "open",
                due,
                done.timeZone(),
                done.recurrence(),
                done.reminders(),
                done.seriesId(),
                done.createdBy(),
                done.createdByName(),
                null,
                null,
                done.assigneeIds(),
                List.of(),
                done.contactIds(),
                List.of(),
                done.conversationIds(),
                List.of(),
                done.checklist().stream()
                        .map(item -> new Task.CheckItem(item.text(), false))
                        .toList(),
                now,
                now,
                0);
    }

    private static List<UUID> ids(Patch<@Nullable List<UUID>> patch, List<UUID> old) {
        if (!patch.present()) {
            return old;
        }
        return Objects.requireNonNullElse(patch.value(), List.<UUID>of()).stream()
                .distinct()
                .toList();
    }

    /**
     * The links a change adds: those must be the changer's to make; links someone else made (a contact
     * only they see) stay without the changer having to see them.
     */
    private static List<UUID> added(List<UUID> now, List<UUID> old) {
        return now.stream().filter(id -> !old.contains(id)).toList();
    }
}
