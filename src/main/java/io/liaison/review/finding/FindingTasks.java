package io.liaison.review.finding;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The findings' db-scheduler tasks: {@value #NIGHTLY} every day at {@code liaison.review.findings-at}
 * queues a {@value #CHECK} per organization worth checking (instance id: the organization), which runs
 * its checks ({@link FindingRun}). One organization is one execution, so a large one never holds up
 * another, and an organization has at most one queued: "check now" while one waits adds nothing.
 */
@Configuration(proxyBeanMethods = false)
class FindingTasks {

    static final String NIGHTLY = "review-findings";
    static final String CHECK = "review-findings-check";

    @Bean
    RecurringTask<Void> reviewFindingsTask(FindingRun run, ReviewSettings settings) {
        return Tasks.recurring(NIGHTLY, new Daily(settings.findingsZone(), settings.findingsAt()))
                .execute((instance, context) -> {
                    for (UUID orgId : run.organizations()) {
                        context.getSchedulerClient().scheduleIfNotExists(instance(orgId), Instant.now());
                    }
                });
    }

    @Bean
    OneTimeTask<Void> reviewFindingsCheckTask(FindingRun run) {
        return Tasks.oneTime(CHECK).execute((instance, context) -> run.run(UUID.fromString(instance.getId())));
    }

    static TaskInstance<Void> instance(UUID orgId) {
        return new TaskInstance<>(CHECK, orgId.toString());
    }
}
