package io.liaison.push.core;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The db-scheduler task that sends one push ({@value #NAME}, its instance named by the push's id,
 * carrying {@code orgId:pushId}): it runs once across nodes, and a node that dies while running it
 * leaves it to another, which goes on from the recipients still queued. A failure that outlasts the
 * retries cancels the push, with the recipients still queued skipped.
 */
@Configuration(proxyBeanMethods = false)
class PushTask {

    static final String NAME = "push-send";
    static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(PushTask.class);

    @Bean
    OneTimeTask<String> pushSendTask(PushSender sender, PushRepository pushes, TransactionTemplate transactions) {
        return Tasks.oneTime(NAME, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        ATTEMPTS - 1,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30)),
                        (complete, operations) -> {
                            operations.stop();
                            String[] ids = ((String)
                                            complete.getExecution().taskInstance.getData())
                                    .split(":");
                            log.error(
                                    "Push {} failed {} times; it is cancelled",
                                    ids[1],
                                    ATTEMPTS,
                                    complete.getCause().orElse(null));
                            transactions.executeWithoutResult(status -> pushes.lock(
                                            UUID.fromString(ids[0]), UUID.fromString(ids[1]))
                                    .filter(Push::open)
                                    .ifPresent(push -> sender.cancel(UUID.fromString(ids[0]), push, null, "failed")));
                        }))
                .execute((instance, context) -> {
                    String[] ids = instance.getData().split(":");
                    sender.run(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
                });
    }
}
