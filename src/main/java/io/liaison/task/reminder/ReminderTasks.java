package io.liaison.task.reminder;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.liaison.notify.Notifications;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder workers as db-scheduler executions: the task {@value #TASK} has {@code
 * liaison.task.reminder-workers} instances ({@code 1} is scheduled at start and schedules the others),
 * each run by whichever node polls first. A run fires due reminders for up to {@link #BUDGET} (less
 * when its node shuts down), then
 * schedules itself again at once and has the scheduler look for it at once rather than at its next
 * poll (10 s), so that a reminder fires within about a second of its time. A run whose node died is
 * revived elsewhere after the heartbeat timeout; its unfired batch was rolled back and is claimed by
 * the other workers meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class ReminderTasks {

    static final String TASK = "task-reminders";
    static final Duration BUDGET = Duration.ofSeconds(30);

    @Bean
    ReminderWorker reminderWorker(
            ReminderRepository reminders,
            List<ReminderSubject> subjects,
            Notifications notifications,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        return new ReminderWorker(
                reminders,
                subjects.stream().collect(Collectors.toUnmodifiableMap(ReminderSubject::kind, Function.identity())),
                notifications,
                events,
                transactions);
    }

    @Bean
    CustomTask<Void> reminderTask(ReminderWorker worker, @Value("${liaison.task.reminder-workers}") int workers) {
        return Tasks.custom(TASK, Void.class)
                .scheduleOnStartup("1", null, FixedDelay.of(Duration.ofSeconds(1)))
                .onDeadExecutionRevive()
                .onFailureReschedule(FixedDelay.of(Duration.ofSeconds(1)))
                .execute((instance, context) -> {
                    int number = Integer.parseInt(instance.getId());
                    if (number > workers) {
                        return (complete, operations) -> operations.stop();
                    }
                    if (number == 1) {
                        for (int i = 2; i <= workers; i++) {
                            context.getSchedulerClient()
                                    .scheduleIfNotExists(
                                            new TaskInstance<Void>(TASK, Integer.toString(i)), Instant.now());
                        }
                    }
                    worker.drain(BUDGET, context.getSchedulerState()::isShuttingDown);
                    return again(context);
                });
    }

    private static CompletionHandler<Void> again(ExecutionContext context) {
        return (complete, operations) -> {
            operations.reschedule(complete, Instant.now());
            if (context.getSchedulerClient() instanceof Scheduler local) {
                local.triggerCheckForDueExecutions();
            }
        };
    }
}
