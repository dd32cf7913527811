package io.liaison.task.core;

import io.liaison.notify.NewNotification;
import io.liaison.notify.Notifications;
import io.liaison.shared.Message;
import io.liaison.task.TaskCreated;
import io.liaison.task.TaskUpdated;
import io.liaison.task.reminder.TaskNotificationKinds;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells members a task was assigned to them, by someone else, when it is made or when they are added
 * to it; after the change commits, through the member's chosen channels (notify's preferences).
 */
@Component
class TaskAssignments {

    private final Notifications notifications;
    private final JdbcClient jdbc;

    TaskAssignments(Notifications notifications, JdbcClient jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(TaskCreated event) {
        tell(event.orgId(), event.actorId(), event.taskId(), event.title(), event.assigneeIds());
    }

    @ApplicationModuleListener
    void on(TaskUpdated event) {
        Set<UUID> added = ids(event.after().get("assigneeIds"));
        added.removeAll(ids(event.before().get("assigneeIds")));
        if (!added.isEmpty()) {
            String title = jdbc.sql("SELECT title FROM task WHERE org_id = ? AND id = ?")
                    .params(event.orgId(), event.taskId())
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (title != null) {
                tell(event.orgId(), event.actorId(), event.taskId(), title, added);
            }
        }
    }

    private void tell(UUID orgId, UUID actorId, UUID taskId, String title, Collection<UUID> assignees) {
        Set<UUID> others = new LinkedHashSet<>(assignees);
        others.remove(actorId);
        if (others.isEmpty()) {
            return;
        }
        String actor = jdbc.sql("SELECT display_name FROM member WHERE org_id = ? AND id = ?")
                .params(orgId, actorId)
                .query(String.class)
                .single();
        for (UUID member : others) {
            notifications.raise(new NewNotification(
                    orgId,
                    member,
                    TaskNotificationKinds.ASSIGNED,
                    Message.of("notify.task.assigned.title", actor),
                    Message.of("notify.task.assigned.body", title),
                    "/tasks/" + taskId));
        }
    }

    /** The ids a change's values hold: a list of texts once the event came back from the registry. */
    private static Set<UUID> ids(@Nullable Object value) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> ids.add(UUID.fromString(item.toString())));
        }
        return ids;
    }
}
