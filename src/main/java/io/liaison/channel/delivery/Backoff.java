package io.liaison.channel.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When to try again after a failed attempt: exponential backoff from {@link #FIRST}, doubled per
 * attempt up to {@link #LONGEST}, with jitter (the half of it drawn at random) so that the retries of
 * many deliveries spread out; never sooner than the platform's {@code Retry-After}.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(10);
    static final Duration LONGEST = Duration.ofHours(1);

    private Backoff() {}

    /** The wait after attempt number {@code attempts} (1 for the first) failed. */
    static Duration delay(int attempts, @Nullable Duration retryAfter) {
        long base = FIRST.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        base = Math.min(base, LONGEST.toMillis());
        Duration wait = Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
