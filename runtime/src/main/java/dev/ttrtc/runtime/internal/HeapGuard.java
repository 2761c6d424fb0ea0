package dev.ttrtc.runtime.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The JVM's guard against a mini-program that keeps what it allocates, a little per task. When
 * the heap is still more than {@value #FULL_PERCENT} % full after a garbage collection, the
 * instance that allocated the most since the previous check is stopped, before the JVM runs out
 * of memory and takes every instance, the room server and the media engine with it. GraalJS on
 * a stock JDK cannot limit one context's heap, so allocation per instance is the best evidence.
 * One daemon thread, {@code tt-heap-guard}, serves the JVM; it runs while anything is watched.
 */
final class HeapGuard {
    static final int FULL_PERCENT = 85;
    private static final long PERIOD_MILLIS = 250;
    /** Each check keeps this much of the earlier score: the score sums about the last 5 s. */
    private static final double DECAY = 0.95;

    /** One watched instance: how to read its allocation, how to stop it. */
    private static final class Watched {
        final LongSupplier allocated;
        final Consumer<String> stop;
        long allocatedAtLastCheck;
        /** Bytes allocated lately, older checks weighing less. */
        double recent;

        Watched(LongSupplier allocated, Consumer<String> stop) {
            this.allocated = allocated;
            this.stop = stop;
            this.allocatedAtLastCheck = allocated.getAsLong();
        }
    }

    private static final Map<Object, Watched> WATCHED = new ConcurrentHashMap<>();
    // Guarded by HeapGuard.class.
    private static ScheduledExecutorService thread;
    // Guard thread only: the collection count when an instance was last stopped.
    private static long collectionsAtLastStop = -1;

    private HeapGuard() {
    }

    /**
     * Watches an instance.
     *
     * @param key what {@link #unwatch} is called with
     * @param allocated its loop thread's allocated bytes so far
     * @param stop stops it; called on the guard thread with the reason
     */
    static synchronized void watch(Object key, LongSupplier allocated, Consumer<String> stop) {
        WATCHED.put(key, new Watched(allocated, stop));
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tt-heap-guard");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(HeapGuard::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    static synchronized void unwatch(Object key) {
        WATCHED.remove(key);
        if (WATCHED.isEmpty() && thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    private static void check() {
        for (Watched w : WATCHED.values()) {
            long now = w.allocated.getAsLong();
            w.recent = w.recent * DECAY + (now - w.allocatedAtLastCheck);
            w.allocatedAtLastCheck = now;
        }
        long collections = collections();
        int percent = percentFullAfterCollection();
        // One stop per collection: the heap's state after it is known only at the next one.
        if (percent <= FULL_PERCENT || collections == collectionsAtLastStop) {
            return;
        }
        WATCHED.values().stream().max(Comparator.comparingDouble(w -> w.recent)).ifPresent(w -> {
            collectionsAtLastStop = collections;
            w.stop.accept("the JVM's heap was " + percent + " % full after garbage collection and this instance had allocated "
                    + "the most lately (about " + ((long) w.recent >> 20) + " MB in the last few seconds); it was stopped to keep "
                    + "the other instances and the room server running");
        });
    }

    /** Heap in use after the latest collection, as a percentage of the maximum heap. */
    private static int percentFullAfterCollection() {
        long max = Runtime.getRuntime().maxMemory();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterCollection != null) {
                used += afterCollection.getUsed();
            }
        }
        return max <= 0 ? 0 : (int) (used * 100 / max);
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }
}
