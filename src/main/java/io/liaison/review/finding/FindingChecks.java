package io.liaison.review.finding;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.liaison.identity.Actor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Check now": any member may have their organization's findings checked at once, rather than at the
 * next nightly run; a check already waiting or running is not queued again. And when the latest check
 * finished.
 */
@Component
public class FindingChecks {

    private final JdbcClient jdbc;
    private final ObjectProvider<SchedulerClient> scheduler;

    FindingChecks(JdbcClient jdbc, ObjectProvider<SchedulerClient> scheduler) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    /**
     * Where the organization's checks stand: when the latest finished (null: never), and whether one is
     * waiting or running now.
     */
    public record CheckState(@Nullable Instant finishedAt, boolean pending, boolean running) {}

    public CheckState state(Actor actor) {
        Instant finished = jdbc.sql("SELECT finished_at FROM review_check WHERE org_id = ? AND finished_at IS NOT NULL")
                .param(actor.orgId())
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant)
                .orElse(null);
        SchedulerClient client = scheduler.getIfAvailable();
        Optional<ScheduledExecution<Object>> queued =
                client == null ? Optional.empty() : client.getScheduledExecution(FindingTasks.instance(actor.orgId()));
        return new CheckState(
                finished,
                queued.isPresent(),
                queued.map(ScheduledExecution::isPicked).orElse(false));
    }

    /** Queues a check of the actor's organization, unless one is waiting or running; answers the state. */
    public CheckState checkNow(Actor actor) {
        UUID orgId = actor.orgId();
        jdbc.sql("""
                        INSERT INTO review_check (org_id, requested_at, requested_by) VALUES (?, now(), ?)
                        ON CONFLICT (org_id) DO UPDATE SET requested_at = now(), requested_by = excluded.requested_by
                        """).params(orgId, actor.memberId()).update();
        scheduler.ifAvailable(s -> {
            if (s.scheduleIfNotExists(FindingTasks.instance(orgId), Instant.now()) && s instanceof Scheduler local) {
                local.triggerCheckForDueExecutions();
            }
        });
        return state(actor);
    }
}
