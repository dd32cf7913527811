package io.liaison.demo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Times and ids of made-up events: a UUIDv7 carries the time of the event it names, as the application's do. */
final class Stamps {

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private Stamps() {}

    /**
     * A UUIDv7 of {@code millis}. Its random bits are not the seed's: a second run with the same seed
     * makes new rows, not the same ids again.
     */
    static UUID idAt(long millis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (millis << 16) | 0x7000L | random.nextInt(1 << 12);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    static OffsetDateTime at(long millis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    /** An exponentially distributed duration of mean {@code mean}. */
    static long exponential(SplittableRandom random, double mean) {
        return (long) (-Math.log(1 - random.nextDouble()) * mean);
    }
}
