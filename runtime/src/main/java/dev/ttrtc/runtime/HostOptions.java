package dev.ttrtc.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by every instance of one {@link MiniProgramHost}.
 *
 * @param taskBudget how long one task on an instance's event loop (a timer callback, an API
 *     callback, a lifecycle hook) may run before the watchdog interrupts it
 * @param eventLogCapacity how many of the newest entries each instance's event log keeps
 */
public record HostOptions(Duration taskBudget, int eventLogCapacity) {
    public static final Duration DEFAULT_TASK_BUDGET = Duration.ofSeconds(5);

    public HostOptions {
        Objects.requireNonNull(taskBudget, "taskBudget");
        if (taskBudget.isNegative() || taskBudget.isZero()) {
            throw new IllegalArgumentException("taskBudget must be positive");
        }
        if (eventLogCapacity < 1) {
            throw new IllegalArgumentException("eventLogCapacity must be positive");
        }
    }

    public static HostOptions defaults() {
        return new HostOptions(DEFAULT_TASK_BUDGET, EventLog.DEFAULT_CAPACITY);
    }

    public HostOptions withTaskBudget(Duration budget) {
        return new HostOptions(budget, eventLogCapacity);
    }

    public HostOptions withEventLogCapacity(int capacity) {
        return new HostOptions(taskBudget, capacity);
    }
}
