package io.liaison.contact.search;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hourly: writes the search keys of import batches left without them for an hour, such as those of
 * an import whose node died and that never ran again (an import repairs its own when it does).
 */
@Configuration(proxyBeanMethods = false)
class SearchKeyRepair {

    private final SearchKeyWriter keyWriter;

    SearchKeyRepair(SearchKeyWriter keyWriter) {
        this.keyWriter = keyWriter;
    }

    @Bean
    RecurringTask<Void> searchKeyRepairTask() {
        return Tasks.recurring("contact-search-key-repair", FixedDelay.ofHours(1))
                .execute((instance, context) -> keyWriter.repairOlderThan(Duration.ofHours(1)));
    }
}
