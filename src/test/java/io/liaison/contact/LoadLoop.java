package io.liaison.contact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A closed loop of client threads: each sends its next request as soon as the last one answered,
 * until the time is up; every thread sends at least one. Latencies of all requests are kept.
 */
final class LoadLoop implements AutoCloseable {

    /** One request; answers whether it found something. */
    @FunctionalInterface
    interface Op {
        boolean run(SplittableRandom random) throws Exception;
    }

    /** Latency percentiles in milliseconds, throughput, and what went wrong. */
    record Stats(
            int requests,
            double p50,
            double p95,
            double p99,
            double perSecond,
            long failures,
            long empty,
            @Nullable String firstFailure) {

        String problems() {
            return (failures > 0 ? failures + " failed (" + firstFailure + ")" : "")
                    + (empty > 0 ? (failures > 0 ? ", " : "") + empty + " found nothing" : "");
        }
    }

    private final int threads;
    private final ExecutorService pool;
    private long seed = 42;

    LoadLoop(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    Stats run(Duration duration, Op op) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong failures = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(seed++);
            results.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                do {
                    long before = System.nanoTime();
                    try {
                        if (!op.run(random)) {
                            empty.incrementAndGet();
                        }
                    } catch (Exception | AssertionError e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, String.valueOf(e.getMessage()));
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - before;
                } while (System.nanoTime() < end);
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] part = result.get();
            int from = all.length;
            all = Arrays.copyOf(all, from + part.length);
            System.arraycopy(part, 0, all, from, part.length);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(all);
        return new Stats(
                all.length,
                percentile(all, 50),
                percentile(all, 95),
                percentile(all, 99),
                all.length / seconds,
                failures.get(),
                empty.get(),
                firstFailure.get());
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
