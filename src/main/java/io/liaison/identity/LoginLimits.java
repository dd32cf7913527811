package io.liaison.identity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules on failed logins (OWASP's "device cookies"): a client that has logged in as the member
 * before is judged only by its own failures; every other client by its failures for the login, by
 * the failures of all such clients for the login, and by its address's failures for any login.
 */
@Component
class LoginLimits {

    private final LoginAttemptRepository attempts;
    private final LoginDeviceRepository devices;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final LoginSettings limits;

    LoginLimits(
            LoginAttemptRepository attempts,
            LoginDeviceRepository devices,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            LoginSettings settings) {
        this.attempts = attempts;
        this.devices = devices;
        this.transaction = transaction;
        this.events = events;
        this.limits = settings;
    }

    /** How long a client without a device cookie must wait because of its address's failures. */
    Optional<Duration> addressWait(String address) {
        LoginAttemptRepository.Window window = attempts.fromAddress(address, limits.window());
        return window.failures() >= limits.maxFailuresPerAddress() ? window.wait(limits.window()) : Optional.empty();
    }

    /**
     * Whether this client may try a password of the member now. If so, the attempt is recorded as a
     * failure at once, before the password is checked, so that concurrent guesses count against each
     * other; {@link LoginAttemptRepository#succeeded} turns it into a success. A device that has failed
     * too often loses its cookie and is judged as any client; for any client, the failure that puts the
     * login over its limit tells the organization's administrators (through the audit log). A login
     * that names no member ({@code memberId} null) is judged by the same rules, so that the answers do
     * not tell which logins exist.
     */
    Admission admit(
            @Nullable UUID orgId,
            @Nullable UUID memberId,
            String login,
            String address,
            LoginChannel channel,
            @Nullable UUID device) {
        return transaction.execute(status -> {
            attempts.lock(orgId, login);
            if (device != null) {
                if (attempts.ofDevice(device, limits.forgetAfter()) < limits.maxFailuresPerDevice()) {
                    return Admission.of(attempts.recordFailure(orgId, login, address, channel, device));
                }
                devices.revoke(device);
            }
            Optional<Duration> wait = delayFor(orgId, login, address);
            if (wait.isPresent()) {
                return new Admission(null, wait.get());
            }
            UUID attempt = attempts.recordFailure(orgId, login, address, channel, null);
            int failures = attempts.ofLogin(orgId, login, limits.forgetAfter()).failures();
            if (memberId != null && failures == limits.maxFailuresPerLogin()) {
                events.publishEvent(new LoginThrottled(orgId, memberId, login, failures, address));
            }
            return Admission.of(attempt);
        });
    }

    /** How long a client without a device cookie of the member must wait before its password is tried. */
    private Optional<Duration> delayFor(@Nullable UUID orgId, String login, String address) {
        OffsetDateTime now = OffsetDateTime.now();
        Optional<Duration> client = delay(
                attempts.ofClient(orgId, login, address, limits.forgetAfter()), limits.maxFailuresPerClient(), now);
        Optional<Duration> all =
                delay(attempts.ofLogin(orgId, login, limits.forgetAfter()), limits.maxFailuresPerLogin(), now);
        return client.isEmpty() ? all : all.isEmpty() || all.get().compareTo(client.get()) < 0 ? client : all;
    }

    /** Either the attempt, recorded as failed until the password proves right, or how long to wait. */
    record Admission(@Nullable UUID attempt, @Nullable Duration retryAfter) {

        static Admission of(UUID attempt) {
            return new Admission(attempt, null);
        }
    }

    /**
     * None below {@code threshold} failures; then {@code firstDelay} after the last one, doubled by each
     * further failure, up to {@code maxDelay}.
     */
    private Optional<Duration> delay(LoginAttemptRepository.Failures failures, int threshold, OffsetDateTime now) {
        if (failures.failures() < threshold || failures.last() == null) {
            return Optional.empty();
        }
        return delay(failures.failures() - threshold, failures.last(), now, limits.firstDelay(), limits.maxDelay());
    }

    static Optional<Duration> delay(
            int beyond, OffsetDateTime last, OffsetDateTime now, Duration firstDelay, Duration maxDelay) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(beyond, 30));
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        Duration left = Duration.between(now, last.plus(delay));
        return left.isNegative() || left.isZero()
                ? Optional.empty()
                : Optional.of(Duration.ofSeconds(left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0)));
    }
}
