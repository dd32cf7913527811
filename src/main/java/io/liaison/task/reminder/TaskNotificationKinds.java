package io.liaison.task.reminder;

import io.liaison.notify.NotificationKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notification kinds of tasks, on every member's preferences page: a reminder of a task or an
 * event, and a task assigned to the member. Both go to the bell unless the member chooses otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class TaskNotificationKinds {

    public static final String REMINDER = "task.reminder";
    public static final String ASSIGNED = "task.assigned";

    @Bean
    static NotificationKind taskReminder() {
        return new NotificationKind(REMINDER, "notify.kind.task.reminder", false, Set.of(NotificationKind.IN_APP));
    }

    @Bean
    static NotificationKind taskAssigned() {
        return new NotificationKind(ASSIGNED, "notify.kind.task.assigned", false, Set.of(NotificationKind.IN_APP));
    }
}
