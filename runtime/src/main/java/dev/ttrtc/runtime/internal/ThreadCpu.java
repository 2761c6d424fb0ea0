package dev.ttrtc.runtime.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * How much CPU time a thread has used, from the JVM's per-thread counter. The watchdog budgets
 * tasks in CPU time, so a loop thread that waits for a core on a busy machine (or is blocked in
 * the host) is not charged for the waiting. Where the JVM cannot measure thread CPU time,
 * {@link #SUPPORTED} is false and the watchdog falls back to wall time.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = threads();

    /** Whether {@link #of} measures anything on this JVM. */
    static final boolean SUPPORTED = THREADS != null;

    private ThreadCpu() {
    }

    private static ThreadMXBean threads() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        try {
            if (!bean.isThreadCpuTimeSupported()) {
                return null;
            }
            if (!bean.isThreadCpuTimeEnabled()) {
                bean.setThreadCpuTimeEnabled(true);
            }
            return bean;
        } catch (UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** CPU nanoseconds a live thread has used (0 when unsupported or once it ended). */
    static long of(Thread thread) {
        return THREADS == null ? 0 : Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
    }
}
