package dev.ttrtc.runtime.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The JVM's guard against a mini-program that keeps what it allocates, a little per task. When
 * the heap is still more than {@value #FULL_PERCENT} % full after a garbage collection, the
 * instance that keeps the most is stopped, before the JVM runs out of memory and takes every
 * instance, the room server and the media engine with it. What an instance keeps is measured,
 * not guessed from what it allocates (a busy instance that keeps nothing allocates more than a
 * slow hoarder): {@link RetainedSize} walks what is reachable from each instance's context.
 * GraalJS on a stock JDK cannot limit one context's heap. One daemon thread,
 * {@code tt-heap-guard}, serves the JVM; it runs while anything is watched.
 */
final class HeapGuard {
    static final int FULL_PERCENT = 85;
    private static final long PERIOD_MILLIS = 250;

    /** One watched instance: what it keeps (its context, once it has one), how to stop it. */
    private record Watched(Supplier<Object> root, Consumer<String> stop) {
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
     * @param root what the instance keeps everything through (its context); null while it has none
     * @param stop stops it; called on the guard thread with the reason
     */
    static synchronized void watch(Object key, Supplier<Object> root, Consumer<String> stop) {
        WATCHED.put(key, new Watched(root, stop));
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

    /** A failed check must not end the schedule (a throwing task is never run again). */
    private static void check() {
        try {
            checkOnce();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // The heap may be too full even for the walk; the next check tries again after the next collection.
        }
    }

    private static void checkOnce() {
        long collections = collections();
        int percent = percentFullAfterCollection();
        // One stop per collection: the heap's state after it is known only at the next one.
        if (percent <= FULL_PERCENT || collections == collectionsAtLastStop) {
            return;
        }
        Watched keeper = null;
        long most = -1;
        for (Watched w : WATCHED.values()) {
            Object root = w.root.get();
            long kept = root == null ? 0 : RetainedSize.of(root);
            if (kept > most) {
                most = kept;
                keeper = w;
            }
        }
        if (keeper != null) {
            collectionsAtLastStop = collections;
            keeper.stop.accept("the JVM's heap was " + percent + " % full after garbage collection and this instance kept the "
                    + "most (about " + (most >> 20) + " MB reachable from its JS); it was stopped to keep the other instances and "
                    + "the room server running");
        }
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
