package dev.ttrtc.runtime.internal;

import java.lang.management.ManagementFactory;

/**
 * How many bytes a thread has allocated so far, from HotSpot's per-thread counter. Cheap enough
 * to read at every task start. Where the JVM lacks the counter every reading is 0, which turns
 * the allocation guards off rather than tripping them.
 */
final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private ThreadAllocation() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }

    /** The calling thread's allocated bytes. */
    static long current() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }

    /** A live thread's allocated bytes (0 once it ended). */
    static long of(Thread thread) {
        return THREADS == null ? 0 : Math.max(0, THREADS.getThreadAllocatedBytes(thread.getId()));
    }
}
