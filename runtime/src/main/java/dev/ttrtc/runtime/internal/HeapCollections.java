package dev.ttrtc.runtime.internal;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the JVM's garbage collections left in the heap, for the {@link HeapGuard}: the heap in use
 * after the latest collection, and whether the JVM had to run a full collection of its own (G1
 * does so only when it cannot find room for an allocation otherwise; an {@code OutOfMemoryError}
 * is next). A pool's "collection usage" does not serve: G1 updates the old generation's only at
 * a full collection, and large JS arrays live there from the start.
 */
final class HeapCollections {
    private static final String FULL_COLLECTION = "end of major GC";
    private static final String REQUESTED = "System.gc()";

    /** The latest collection of any collector: which it was, and the heap in use after it as a percentage of the maximum. */
    record Collection(String collector, long id, int percentFull) {
    }

    // The heap's percentage after the latest full collection the JVM ran of its own accord; -1 when there was none
    // since the last take.
    private static final AtomicInteger UNASKED_FULL = new AtomicInteger(-1);
    private static final NotificationListener LISTENER = HeapCollections::collected;
    // Per collector, the number of collections it had run when they were forgotten (a collection's id is its number).
    private static final Map<String, Long> FORGOTTEN_UNTIL = new ConcurrentHashMap<>();

    private HeapCollections() {
    }

    static Collection latest() {
        GcInfo newest = null;
        String collector = "";
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            GcInfo info = gc instanceof com.sun.management.GarbageCollectorMXBean hotspot ? hotspot.getLastGcInfo() : null;
            if (info != null && (newest == null || info.getEndTime() > newest.getEndTime())) {
                newest = info;
                collector = gc.getName();
            }
        }
        return newest == null ? null : new Collection(collector, newest.getId(), percentFull(newest));
    }

    /** Starts noting full collections the JVM runs of its own accord. */
    static void listen() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(LISTENER, null, null);
            }
        }
    }

    static void stopListening() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(LISTENER);
                } catch (ListenerNotFoundException e) {
                    // Never added to this collector: nothing to remove.
                }
            }
        }
    }

    /** The heap's percentage after the latest full collection the JVM ran of its own accord since the last clear, or -1. */
    static int peekUnaskedFull() {
        return UNASKED_FULL.get();
    }

    /** Forgets the unasked full collection seen so far (the guard acted on it). */
    static void clearUnaskedFull() {
        UNASKED_FULL.set(-1);
    }

    /**
     * Forgets every full collection started until now, including one whose news the JVM has yet to
     * deliver (it does so on a thread of its own, after the collection): what it measured may be gone.
     */
    static void forgetCollectionsSoFar() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            FORGOTTEN_UNTIL.put(gc.getName(), gc.getCollectionCount());
        }
        UNASKED_FULL.set(-1);
    }

    private static void collected(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcAction().equals(FULL_COLLECTION) && !info.getGcCause().equals(REQUESTED)
                && info.getGcInfo().getId() > FORGOTTEN_UNTIL.getOrDefault(info.getGcName(), -1L)) {
            UNASKED_FULL.set(percentFull(info.getGcInfo()));
        }
    }

    private static int percentFull(GcInfo collection) {
        long used = 0;
        Map<String, MemoryUsage> after = collection.getMemoryUsageAfterGc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getType() == MemoryType.HEAP ? after.get(pool.getName()) : null;
            if (usage != null) {
                used += usage.getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        return max <= 0 ? 0 : (int) (used * 100 / max);
    }
}
