package io.liaison.task.cadence;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When due contacts are brought up, as db-scheduler tasks (each run on one node): {@code
 * cadence-sweep} every {@code liaison.task.cadence.interval} starts a {@code cadence-raise} per
 * organization with cadences (instance id: the organization), which raises one batch and, when the
 * batch was full, runs again after {@code pause}. Each organization is its own execution with its own
 * cap, so that one with a million due contacts never holds up another. A cadence's change starts its
 * organization's at once.
 */
@Configuration(proxyBeanMethods = false)
class CadenceSweep {

    static final String SWEEP = "cadence-sweep";
    static final String RAISE = "cadence-raise";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final CadenceSettings settings;

    CadenceSweep(ObjectProvider<SchedulerClient> scheduler, CadenceSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @Bean
    RecurringTask<Void> cadenceSweepTask(CadenceAlerts alerts) {
        return Tasks.recurring(SWEEP, FixedDelay.of(settings.interval())).execute((instance, context) -> {
            for (UUID orgId : alerts.organizations()) {
                context.getSchedulerClient().scheduleIfNotExists(instance(orgId), Instant.now());
            }
        });
    }

    @Bean
    CustomTask<Void> cadenceRaiseTask(CadenceAlerts alerts) {
        return Tasks.custom(RAISE, Void.class)
                .onDeadExecutionRevive()
                .onFailureReschedule(FixedDelay.of(settings.pause()))
                .execute((instance, context) -> {
                    int raised = alerts.raise(UUID.fromString(instance.getId()));
                    return alerts.full(raised)
                            ? (CompletionHandler<Void>) (complete, operations) -> operations.reschedule(
                                    complete, Instant.now().plus(settings.pause()))
                            : new CompletionHandler.OnCompleteRemove<>();
                });
    }

    /**
     * Looks at the organization's due contacts once the caller's transaction commits (a cadence was set
     * or changed), rather than at the next sweep.
     */
    void soon(UUID orgId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            schedule(orgId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                schedule(orgId);
            }
        });
    }

    private void schedule(UUID orgId) {
        scheduler.ifAvailable(s -> {
            s.scheduleIfNotExists(instance(orgId), Instant.now());
            if (s instanceof Scheduler local) {
                local.triggerCheckForDueExecutions();
            }
        });
    }

    private static TaskInstance<Void> instance(UUID orgId) {
        return new TaskInstance<>(RAISE, orgId.toString());
    }
}
