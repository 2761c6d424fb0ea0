package dev.ttrtc.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by every instance of one {@link MiniProgramHost}.
 *
 * @param taskBudget how long one task on an instance's event loop (a timer callback, an API
 *     callback, a lifecycle hook) may run before the watchdog interrupts it
 * @param taskAllocationBudget how many bytes one task may allocate (garbage included) before
 *     the watchdog interrupts it
 * @param eventLogCapacity how many of the newest entries each instance's event log keeps
 */
public record HostOptions(Duration taskBudget, long taskAllocationBudget, int eventLogCapacity) {
    public static final Duration DEFAULT_TASK_BUDGET = Duration.ofSeconds(5);
    public static final long DEFAULT_TASK_ALLOCATION_BUDGET = 512L << 20;

    public HostOptions {
        Objects.requireNonNull(taskBudget, "taskBudget");
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

    public static HostOptions defaults() {
        return new HostOptions(DEFAULT_TASK_BUDGET, DEFAULT_TASK_ALLOCATION_BUDGET, EventLog.DEFAULT_CAPACITY);
    }

    public HostOptions withTaskBudget(Duration budget) {
        return new HostOptions(budget, taskAllocationBudget, eventLogCapacity);
    }

    public HostOptions withTaskAllocationBudget(long bytes) {
        return new HostOptions(taskBudget, bytes, eventLogCapacity);
    }

    public HostOptions withEventLogCapacity(int capacity) {
        return new HostOptions(taskBudget, taskAllocationBudget, capacity);
    }
}
