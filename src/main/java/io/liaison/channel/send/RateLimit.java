package io.liaison.channel.send;

import java.time.Duration;

/** At most {@code permits} sends to one target in any window of {@code per}. */
public record RateLimit(int permits, Duration per) {

    public RateLimit {
        if (permits < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("A rate limit needs permits and a window");
        }
    }
}
