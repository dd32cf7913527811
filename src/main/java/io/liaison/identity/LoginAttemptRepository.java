package io.liaison.identity;

import io.liaison.shared.Ids;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every login attempt that got as far as a password check, and the failures counted against an
 * organization's login, a client, a device and an address. Attempts refused for waiting are not
 * recorded: a stranger sending them as fast as he can must not fill the disk. ({@code throttled}
 * marks such rows of earlier versions.) Failures "without a device" are those of clients that presented no valid device
 * cookie of the member.
 */
@Repository
class LoginAttemptRepository {

    private final JdbcClient jdbc;

    LoginAttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A failed attempt; it becomes a success with {@link #succeeded} once its password proves right. */
    UUID recordFailure(
            @Nullable UUID orgId, String login, String address, LoginChannel channel, @Nullable UUID deviceId) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO login_attempt (id, org_id, login, client_address, channel, succeeded, device_id)
                        VALUES (?, ?, ?, ?, ?, false, ?)
                        """)
                .params(id, orgId, login, address, channel.name(), deviceId)
                .update();
        return id;
    }

    /** The attempt, recorded as failed while its password was checked, succeeded. */
    void succeeded(UUID attemptId) {
        jdbc.sql("UPDATE login_attempt SET succeeded = true WHERE id = ?")
                .param(attemptId)
                .update();
    }

    /**
     * Failures without a device from this address for the login, since its last success from there;
     * with no organization, of a login that named no member.
     */
    Failures ofClient(@Nullable UUID orgId, String login, String address, Duration forgetAfter) {
        return jdbc.sql(ofOrg(orgId, """
                        SELECT count(*) AS failures, max(attempted_at) AS last FROM login_attempt
                         WHERE ORG AND lower(login) = lower(:login) AND client_address = :address
                           AND NOT succeeded AND NOT throttled AND device_id IS NULL
                           AND attempted_at > now() - make_interval(secs => :seconds)
                           AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempt
                                                         WHERE ORG AND lower(login) = lower(:login)
                                                           AND client_address = :address AND succeeded),
                                                       '-infinity')
                        """))
                .param("org", orgId)
                .param("login", login)
                .param("address", address)
                .param("seconds", forgetAfter.toSeconds())
                .query(Failures.class)
                .single();
    }

    /**
     * Failures without a device for the login from every address, since its last success without a
     * device: a member logging in on a known device does not give a guesser a fresh start.
     */
    Failures ofLogin(@Nullable UUID orgId, String login, Duration forgetAfter) {
        return jdbc.sql(ofOrg(orgId, """
                        SELECT count(*) AS failures, max(attempted_at) AS last FROM login_attempt
                         WHERE ORG AND lower(login) = lower(:login)
                           AND NOT succeeded AND NOT throttled AND device_id IS NULL
                           AND attempted_at > now() - make_interval(secs => :seconds)
                           AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempt
                                                         WHERE ORG AND lower(login) = lower(:login)
                                                           AND succeeded AND device_id IS NULL),
                                                       '-infinity')
                        """))
                .param("org", orgId)
                .param("login", login)
                .param("seconds", forgetAfter.toSeconds())
                .query(Failures.class)
                .single();
    }

    /** Failures with this device since its last success. */
    int ofDevice(UUID deviceId, Duration forgetAfter) {
        return jdbc.sql("""
                        SELECT count(*) FROM login_attempt
                         WHERE device_id = :device AND NOT succeeded
                           AND attempted_at > now() - make_interval(secs => :seconds)
                           AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempt
                                                         WHERE device_id = :device AND succeeded),
                                                       '-infinity')
                        """)
                .param("device", deviceId)
                .param("seconds", forgetAfter.toSeconds())
                .query(Integer.class)
                .single();
    }

    /** Failures without a device from this address, for any login, within the window. */
    Window fromAddress(String address, Duration window) {
        return jdbc.sql("""
                        SELECT count(*) AS failures, min(attempted_at) AS oldest FROM login_attempt
                         WHERE client_address = ? AND NOT succeeded AND NOT throttled AND device_id IS NULL
                           AND attempted_at > now() - make_interval(secs => ?)
                        """)
                .params(address, window.toSeconds())
                .query(Window.class)
                .single();
    }

    /**
     * Serialises the admission of one login's attempts, so that concurrent guesses count against each
     * other and crossing a limit is noticed once.
     */
    void lock(@Nullable UUID orgId, String login) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || lower(?), 0))")
                .params(String.valueOf(orgId), login)
                .query()
                .singleRow();
    }

    /** The organization's rows ({@code ORG} in {@code sql}), or those of logins that named no member. */
    private static String ofOrg(@Nullable UUID orgId, String sql) {
        return sql.replace("ORG", orgId == null ? "org_id IS NULL" : "org_id = :org");
    }

    /** How many failures, and when the last one was. */
    record Failures(int failures, @Nullable OffsetDateTime last) {}

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
