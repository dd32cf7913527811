package io.liaison.shared.database;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The delivery latencies of one step of the chat socket benchmark, counted in buckets of 10 µs up to
 * 10 s (a longer one counts as 10 s), so that the memory they take does not grow with the rate.
 */
final class Latencies {

    private static final long BUCKET_NANOS = 10_000;
    private static final int BUCKETS = 1_000_000;

    private final int step;
    private final long expected;
    private final AtomicIntegerArray counts = new AtomicIntegerArray(BUCKETS + 1);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    /** Step {@code step}, which should deliver {@code expected} frames in all. */
    Latencies(int step, long expected) {
        this.step = step;
        this.expected = expected;
    }

    int step() {
        return step;
    }

    long expected() {
        return expected;
    }

    long received() {
        return received.get();
    }

    void record(long nanos) {
        long latency = Math.max(0, nanos);
        counts.incrementAndGet((int) Math.min(BUCKETS, latency / BUCKET_NANOS));
        max.accumulateAndGet(latency, Math::max);
        received.incrementAndGet();
    }

    /** The latency that {@code fraction} of the received frames did not exceed, in milliseconds. */
    double percentileMillis(double fraction) {
        long total = received.get();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int bucket = 0; bucket <= BUCKETS; bucket++) {
            seen += counts.get(bucket);
            if (seen >= rank) {
                return (bucket + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return BUCKETS * BUCKET_NANOS / 1e6;
    }

    /** What the step measured: {@code messages} posted in {@code postingNanos}, {@code failedPosts} refused. */
    Step result(double rate, int messages, long postingNanos, int failedPosts) {
        return new Step(
                rate,
                messages,
                messages / (postingNanos / 1e9),
                expected,
                received.get(),
                failedPosts,
                percentileMillis(0.5),
                percentileMillis(0.99),
                max.get() / 1e6);
    }

    /**
     * One step: the rate asked for and the one the poster kept, the frames expected and received, and
     * the latencies from posting to receipt in milliseconds.
     */
    record Step(
            double rate,
            int messages,
            double postedPerSecond,
            long expected,
            long received,
            int failedPosts,
            double p50,
            double p99,
            double max) {

        /** Every message posted and delivered to every client, 99 % of them within {@code limitMillis}. */
        boolean keeps(double limitMillis) {
            return failedPosts == 0 && received >= expected && p99 < limitMillis;
        }

        long missing() {
            return Math.max(0, expected - received);
        }
    }
}
