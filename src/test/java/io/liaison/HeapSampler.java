package io.liaison;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * The most heap the JVM used while it ran, sampled every 50 ms: used (garbage included) and what
 * was left after the last collection of each heap pool, which is what the live data needs.
 */
public final class HeapSampler implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxUsed;
    private volatile long maxAfterGc;
    private volatile long maxCommitted;

    public HeapSampler() {
        thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        var pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        while (running) {
            MemoryUsage heap = memory.getHeapMemoryUsage();
            maxUsed = Math.max(maxUsed, heap.getUsed());
            maxCommitted = Math.max(maxCommitted, heap.getCommitted());
            long afterGc = 0;
            for (MemoryPoolMXBean pool : pools) {
                MemoryUsage usage = pool.getCollectionUsage();
                afterGc += usage == null ? 0 : usage.getUsed();
            }
            maxAfterGc = Math.max(maxAfterGc, afterGc);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public static long limit() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    public long maxUsed() {
        return maxUsed;
    }

    public long maxAfterGc() {
        return maxAfterGc;
    }

    public long maxCommitted() {
        return maxCommitted;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
