package io.liaison.channel.delivery;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.liaison.channel.config.ChannelLookup;
import io.liaison.channel.send.Adapters;
import io.liaison.channel.send.ChannelSettings;
import io.liaison.shared.StoredMessages;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sending workers as db-scheduler executions: the task {@code channel-delivery} has {@code
 * liaison.channel.workers} instances ({@code 1} is scheduled at start and schedules the others), each
 * run by whichever node polls first. A run drains the queue for up to {@link #BUDGET} and schedules
 * itself again after {@code liaison.channel.poll}, so that the workers spread over the nodes; a run
 * whose node died is revived elsewhere, and its rows are taken back after the lease.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryTasks {

    static final String TASK = "channel-delivery";
    static final Duration BUDGET = Duration.ofSeconds(30);

    @Bean
    DeliveryWorker deliveryWorker(
            DeliveryRepository deliveries,
            ChannelLookup channels,
            Adapters adapters,
            JsonMapper json,
            StoredMessages texts,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            ChannelSettings settings) {
        return new DeliveryWorker(deliveries, channels, adapters, json, texts, events, transaction, settings);
    }

    @Bean
    CustomTask<Void> deliveryTask(DeliveryWorker worker, ChannelSettings settings) {
        Duration poll = settings.poll();
        return Tasks.custom(TASK, Void.class)
                .scheduleOnStartup("1", null, FixedDelay.of(poll))
                .onDeadExecutionRevive()
                .onFailureReschedule(FixedDelay.of(poll))
                .execute((instance, context) -> {
                    int number = Integer.parseInt(instance.getId());
                    if (number > settings.workers()) {
                        return (complete, operations) -> operations.stop();
                    }
                    if (number == 1) {
                        for (int i = 2; i <= settings.workers(); i++) {
                            context.getSchedulerClient()
                                    .scheduleIfNotExists(
                                            new TaskInstance<Void>(TASK, Integer.toString(i)), Instant.now());
                        }
                    }
                    worker.drain(BUDGET);
                    return again(poll);
                });
    }

    private static CompletionHandler<Void> again(Duration poll) {
        return (complete, operations) ->
                operations.reschedule(complete, Instant.now().plus(poll));
    }
}
