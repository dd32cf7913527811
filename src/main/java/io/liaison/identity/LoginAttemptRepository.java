package io.liaison.identity;

import io.liaison.shared.Ids;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LoginAttemptRepository {

    private final JdbcClient jdbc;

    LoginAttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(
            @Nullable UUID orgId,
            String login,
            String address,
            LoginService.Channel channel,
            boolean succeeded,
            boolean throttled) {
        jdbc.sql("""
                        INSERT INTO login_attempt (id, org_id, login, client_address, channel, succeeded, throttled)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Ids.newId(), orgId, login, address, channel.name(), succeeded, throttled)
                .update();
    }

    /** Failures counted against a login since its last success, within the window. */
    Window failuresOfLogin(String login, Duration window) {
        return jdbc.sql("""
                        SELECT count(*) AS failures, min(attempted_at) AS oldest FROM login_attempt
                         WHERE lower(login) = lower(:login) AND NOT succeeded AND NOT throttled
                           AND attempted_at > now() - make_interval(secs => :seconds)
                           AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempt
                                                         WHERE lower(login) = lower(:login) AND succeeded),
                                                       '-infinity')
                        """)
                .param("login", login)
                .param("seconds", window.toSeconds())
                .query(Window.class)
                .single();
    }

    Window failuresFromAddress(String address, Duration window) {
        return jdbc.sql("""
                        SELECT count(*) AS failures, min(attempted_at) AS oldest FROM login_attempt
                         WHERE client_address = ? AND NOT succeeded AND NOT throttled
                           AND attempted_at > now() - make_interval(secs => ?)
                        """)
                .params(address, window.toSeconds())
                .query(Window.class)
                .single();
    }

    record Window(int failures, @Nullable OffsetDateTime oldest) {

        /** How long until the oldest failure leaves the window. */
        Optional<Duration> wait(Duration window) {
            if (oldest == null) {
                return Optional.empty();
            }
            Duration left = Duration.between(OffsetDateTime.now(), oldest.plus(window));
            return Optional.of(left.isNegative() ? Duration.ofSeconds(1) : left.plusSeconds(1));
        }
    }
}
