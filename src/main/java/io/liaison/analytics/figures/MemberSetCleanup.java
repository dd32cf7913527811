package io.liaison.analytics.figures;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Daily: forgets the member sets nobody read for 30 days ({@link MemberSets#forgetUnread}). */
@Configuration(proxyBeanMethods = false)
class MemberSetCleanup {

    private final MemberSets sets;

    MemberSetCleanup(MemberSets sets) {
        this.sets = sets;
    }

    @Bean
    RecurringTask<Void> memberSetCleanupTask() {
        return Tasks.recurring("analytics-member-set-cleanup", FixedDelay.ofHours(24))
                .execute((instance, context) -> sets.forgetUnread());
    }
}
