package io.liaison.task.reminder;

import io.liaison.identity.ActiveMembers;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.notify.NewNotification;
import io.liaison.shared.Message;
import io.liaison.task.core.TaskSummaries;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final ActiveMembers active;
    private final TaskSummaries tasks;

    TaskReminderSubject(MemberService members, ActiveMembers active, TaskSummaries tasks) {
        this.members = members;
        this.active = active;
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
        return describe(member.get(), subjectId);
    }

    /** Reads the batch's members at once (per organization), then each task under its member's eyes. */
    @Override
    public List<Optional<NewNotification>> describeAll(List<Reminder> reminders) {
        Map<UUID, Set<UUID>> membersByOrg = new HashMap<>();
        reminders.forEach(r ->
                membersByOrg.computeIfAbsent(r.orgId(), o -> new HashSet<>()).add(r.memberId()));
        Map<List<UUID>, Actor> actors = new HashMap<>();
        membersByOrg.forEach((org, ids) ->
                active.actors(org, ids).forEach(a -> actors.put(List.of(org, a.memberId()), a)));
        return reminders.stream()
                .map(r -> {
                    Actor actor = actors.get(List.of(r.orgId(), r.memberId()));
                    return actor == null ? Optional.<NewNotification>empty() : describe(actor, r.subjectId());
                })
                .toList();
    }

    private Optional<NewNotification> describe(Actor actor, UUID subjectId) {
        UUID orgId = actor.orgId();
        UUID memberId = actor.memberId();
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
