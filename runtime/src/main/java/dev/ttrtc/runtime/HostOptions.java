package dev.ttrtc.runtime;

import dev.ttrtc.runtime.internal.compile.CompileCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings shared by every instance of one {@link MiniProgramHost}.
 *
 * @param taskBudget how much CPU time one task on an instance's event loop (a timer callback, an
 *     API callback, a lifecycle hook, one step of start-up) may use before the watchdog
 *     interrupts it; wall time on a JVM that cannot measure a thread's CPU time
 * @param taskAllocationBudget how many bytes one task may allocate (garbage included) before
 *     the watchdog interrupts it
 * @param eventLogCapacity how many of the newest entries each instance's event log keeps
 * @param compileCache where compiled project files (ES modules, TypeScript) are kept, keyed by
 *     content; shared safely by concurrent processes
 * @param esbuild an esbuild executable to compile with instead of the one shipped for linux-x64
 */
public record HostOptions(Duration taskBudget, long taskAllocationBudget, int eventLogCapacity, Path compileCache,
        Optional<Path> esbuild) {
    public static final Duration DEFAULT_TASK_BUDGET = Duration.ofSeconds(5);
    public static final long DEFAULT_TASK_ALLOCATION_BUDGET = 512L << 20;

    public HostOptions {
        Objects.requireNonNull(taskBudget, "taskBudget");
        Objects.requireNonNull(compileCache, "compileCache");
        Objects.requireNonNull(esbuild, "esbuild");
        if (taskBudget.isNegative() || taskBudget.isZero()) {
            throw new IllegalArgumentException("taskBudget must be positive");
        }
        if (taskAllocationBudget < 1) {
            throw new IllegalArgumentException("taskAllocationBudget must be positive");
        }
        if (eventLogCapacity < 1) {
            throw new IllegalArgumentException("eventLogCapacity must be positive");
        }
    }

    /** 5 s of CPU time per task, 512 MB per task, the default log size, and the per-user compile cache. */
    public static HostOptions defaults() {
        return new HostOptions(DEFAULT_TASK_BUDGET, DEFAULT_TASK_ALLOCATION_BUDGET, EventLog.DEFAULT_CAPACITY,
                CompileCache.defaultDirectory(), Optional.empty());
    }

    public HostOptions withTaskBudget(Duration budget) {
        return new HostOptions(budget, taskAllocationBudget, eventLogCapacity, compileCache, esbuild);
    }

    public HostOptions withTaskAllocationBudget(long bytes) {
        return new HostOptions(taskBudget, bytes, eventLogCapacity, compileCache, esbuild);
    }

    public HostOptions withEventLogCapacity(int capacity) {
        return new HostOptions(taskBudget, taskAllocationBudget, capacity, compileCache, esbuild);
    }

    /** Keeps compiled files in {@code dir} instead of {@code ~/.cache/tt-rtc-host/compile}. */
    public HostOptions withCompileCache(Path dir) {
        return new HostOptions(taskBudget, taskAllocationBudget, eventLogCapacity, dir, esbuild);
    }

    /** Compiles with this esbuild executable (for platforms the shipped one does not run on). */
    public HostOptions withEsbuild(Path executable) {
        return new HostOptions(taskBudget, taskAllocationBudget, eventLogCapacity, compileCache, Optional.of(executable));
    }
}
