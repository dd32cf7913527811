package io.liaison.task.core;

import io.liaison.task.reminder.Reminders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Plans a task's reminders from what it says now: each assignee, at each of its reminders before the
 * due time, while it is open. A reminder whose time has passed (a task moved into the past, or
 * changed after its reminder fired) is not planned again.
 */
@Component
class TaskReminders {

    static final String SUBJECT = "task";

    private final Reminders reminders;

    TaskReminders(Reminders reminders) {
        this.reminders = reminders;
    }

    void plan(UUID orgId, Task task) {
        Instant due = task.dueAt();
        if (!task.status().equals("open") || due == null || task.reminders().isEmpty()) {
            cancel(orgId, task.id());
            return;
        }
        Instant now = Instant.now();
        List<Reminders.Planned> planned = new ArrayList<>();
        for (UUID member : task.assigneeIds()) {
            task.reminders().stream()
                    .map(due::minus)
                    .filter(now::isBefore)
                    .forEach(at -> planned.add(new Reminders.Planned(member, at)));
        }
        reminders.replace(orgId, SUBJECT, task.id(), planned);
    }

    void cancel(UUID orgId, UUID taskId) {
        reminders.cancel(orgId, SUBJECT, taskId);
    }
}
