package io.liaison.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.liaison.shared.database.BatchDelete;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hourly: deletes login attempts older than {@code LIAISON_LOGIN_KEEP_ATTEMPTS} and devices unused for
 * their lifetime or void for a day, so that strangers' attempts cannot fill the disk over time. In
 * batches, each its own statement, so that a large backlog holds no long lock.
 */
@Configuration(proxyBeanMethods = false)
class LoginCleanup {

    private final JdbcClient jdbc;
    private final LoginSettings settings;

    LoginCleanup(JdbcClient jdbc, LoginSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Bean
    RecurringTask<Void> loginCleanupTask() {
        return Tasks.recurring("identity-login-cleanup", FixedDelay.ofHours(1)).execute((instance, context) -> clean());
    }

    void clean() {
        BatchDelete.untilDone(jdbc, """
                DELETE FROM login_attempt WHERE id IN (
                    SELECT id FROM login_attempt WHERE attempted_at < now() - make_interval(secs => ?) LIMIT ?)
                """, settings.keepAttempts().toSeconds());
        jdbc.sql("""
                        DELETE FROM login_device
                         WHERE last_login_at < now() - make_interval(secs => ?)
                            OR revoked_at < now() - interval '1 day'
                        """).param(settings.deviceLifetime().toSeconds()).update();
    }
}
