package io.liaison.task.reminder;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.notify.NewNotification;
import io.liaison.shared.Message;
import io.liaison.task.core.TaskSummaries;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a task's reminder says: the task's title and its due time in the member's zone, linking to the
 * task. It no longer applies when the task is done, cancelled or gone, or when the member (still
 * active) no longer sees it by the task's rules.
 */
@Component
class TaskReminderSubject implements ReminderSubject {

    static final String KIND = "task";
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MemberService members;
    private final TaskSummaries tasks;

    TaskReminderSubject(MemberService members, TaskSummaries tasks) {
        this.members = members;
        this.tasks = tasks;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<NewNotification> describe(UUID orgId, UUID subjectId, UUID memberId, Instant fireAt) {
        Optional<Actor> member = members.actor(orgId, memberId);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        Actor actor = member.get();
        return tasks.visible(actor, subjectId)
                .filter(task -> task.status().equals("open"))
                .map(task -> new NewNotification(
                        orgId,
                        memberId,
                        TaskNotificationKinds.REMINDER,
                        Message.of("notify.task.reminder.title", task.title()),
                        task.dueAt() == null
                                ? Message.of("notify.task.reminder.body.undated", task.title())
                                : Message.of(
                                        "notify.task.reminder.body",
                                        task.title(),
                                        DUE.format(task.dueAt().atZone(actor.timeZone()))),
                        "/tasks/" + task.id()));
    }
}
