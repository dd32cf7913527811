package io.liaison.integration.webhook;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook dispatch as one db-scheduler execution ({@value #TASK}), run by one node at a time:
 * it runs rounds for up to {@link #BUDGET} (pausing {@code liaison.integration.webhooks.poll} after a
 * round that found nothing, and stopping early when its node shuts down), then schedules itself again
 * at once and has the scheduler look for it at once rather than at its next poll. An execution whose
 * node died is revived on another after the heartbeat timeout; whatever its last round had not
 * committed is read again from the endpoints' cursors.
 */
@Configuration(proxyBeanMethods = false)
class WebhookTasks {

    static final String TASK = "integration-webhook-dispatch";
    static final Duration BUDGET = Duration.ofSeconds(30);

    @Bean
    CustomTask<Void> webhookDispatchTask(WebhookDispatch dispatch, WebhookSettings settings) {
        return Tasks.custom(TASK, Void.class)
                .scheduleOnStartup("1", null, FixedDelay.of(settings.poll()))
                .onDeadExecutionRevive()
                .onFailureReschedule(FixedDelay.of(settings.poll()))
                .execute((instance, context) -> {
                    Instant until = Instant.now().plus(BUDGET);
                    while (Instant.now().isBefore(until)
                            && !Thread.currentThread().isInterrupted()
                            && !context.getSchedulerState().isShuttingDown()) {
                        if (dispatch.round() == 0) {
                            pause(settings.poll());
                        }
                    }
                    return again(context);
                });
    }

    private static void pause(Duration poll) {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
