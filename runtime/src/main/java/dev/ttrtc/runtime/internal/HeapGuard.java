package dev.ttrtc.runtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The JVM's guard against a mini-program that keeps what it allocates, a little per task. When
 * the heap is still more than {@value #FULL_PERCENT} % full after a full garbage collection, or
 * the JVM had to run a full collection of its own to find room and the heap stayed more than
 * {@value #PRESSED_PERCENT} % full, the instance that keeps the most is stopped, before the JVM
 * runs out of memory and takes every instance, the room server and the media engine with it.
 * What an instance keeps is measured, not guessed from what it allocates (a busy instance that
 * keeps nothing allocates more than a slow hoarder): {@link RetainedSize} walks what is reachable
 * from each instance's context. GraalJS on a stock JDK cannot limit one context's heap. One daemon
 * thread, {@code tt-heap-guard}, serves the JVM; it runs while anything is watched.
 */
final class HeapGuard {
    static final int FULL_PERCENT = 85;
    /**
     * Below {@link #FULL_PERCENT}, an allocation can still fail: G1 needs contiguous free regions for
     * a large array and does not move the large arrays it has (a 256 MB heap with 8 MB arrays ran out
     * at 84 %).
     */
    static final int PRESSED_PERCENT = 70;
    private static final long PERIOD_MILLIS = 250;

    /** One watched instance: what it keeps (its context, once it has one), how to stop it, whether the guard has. */
    private static final class Watched {
        final Supplier<Object> root;
        final Consumer<String> stop;
        volatile boolean stoppedByGuard;

        Watched(Supplier<Object> root, Consumer<String> stop) {
            this.root = root;
            this.stop = stop;
        }
    }

    private static final Map<Object, Watched> WATCHED = new ConcurrentHashMap<>();
    // Guarded by HeapGuard.class.
    private static ScheduledExecutorService thread;
    // The collection the guard itself asked for last; forgotten when an instance it stopped has gone.
    private static volatile HeapCollections.Collection inducedCollection;

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
            HeapCollections.listen();
        }
    }

    static synchronized void unwatch(Object key) {
        Watched gone = WATCHED.remove(key);
        if (gone != null && gone.stoppedByGuard) {
            // What it held is garbage now, which only a collection started after this moment shows; the JVM may still
            // be delivering news of one that ran while it closed.
            inducedCollection = null;
            HeapCollections.forgetCollectionsSoFar();
        }
        if (WATCHED.isEmpty() && thread != null) {
            thread.shutdownNow();
            thread = null;
            HeapCollections.stopListening();
        }
    }

    /** A failed check must not end the schedule (a throwing task is never run again). */
    private static void check() {
        try {
            checkOnce();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // The heap may be too full even for the walk or the stop; the next check tries again.
        }
    }

    /**
     * Acts only on a full collection's figure: the figure after a young collection also counts the
     * old objects that died since the last full one, so the guard asks for a full collection
     * before it judges.
     */
    private static void checkOnce() {
        // An instance the guard stopped holds its memory until it has closed (while closing, its context may no longer
        // lead to it): judging before then would stop a second instance for memory the first still holds.
        if (WATCHED.values().stream().anyMatch(w -> w.stoppedByGuard)) {
            return;
        }
        int percent = HeapCollections.peekUnaskedFull();
        if (percent <= PRESSED_PERCENT) {
            HeapCollections.Collection latest = HeapCollections.latest();
            if (latest == null || latest.percentFull() <= FULL_PERCENT) {
                return;
            }
            if (!latest.equals(inducedCollection)) {
                System.gc();
                latest = HeapCollections.latest();
                inducedCollection = latest;
            }
            if (latest == null || latest.percentFull() <= FULL_PERCENT) {
                return;
            }
            percent = latest.percentFull();
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
            // Marked first: the stop closes on a thread of its own, and its unwatch must find the mark.
            keeper.stoppedByGuard = true;
            try {
                keeper.stop.accept("the JVM's heap was " + percent + " % full after a full garbage collection and this "
                        + "instance kept the most (about " + (most >> 20) + " MB reachable from its JS); it was stopped to keep "
                        + "the other instances and the room server running");
            } catch (RuntimeException | Error e) {
                keeper.stoppedByGuard = false;
                throw e;
            }
        }
        HeapCollections.clearUnaskedFull();
    }
}
