package io.liaison.review.campaign;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task {@code review-campaign-deadlines} (one node at a time): every ten minutes,
 * each organization with a reminder due or a deadline passed gets {@link CampaignDeadlines#run} in a
 * transaction of its own, so that one organization's failure never holds up another's.
 */
@Configuration(proxyBeanMethods = false)
class CampaignJob {

    static final String NAME = "review-campaign-deadlines";
    static final Duration EVERY = Duration.ofMinutes(10);

    @Bean
    RecurringTask<Void> reviewCampaignDeadlinesTask(CampaignDeadlines deadlines) {
        return Tasks.recurring(NAME, FixedDelay.of(EVERY)).execute((instance, context) -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (UUID orgId : deadlines.organizations(now)) {
                deadlines.run(orgId, now);
            }
        });
    }
}
