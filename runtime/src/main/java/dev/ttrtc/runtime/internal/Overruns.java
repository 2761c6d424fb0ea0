package dev.ttrtc.runtime.internal;

import java.time.Duration;
import java.util.ArrayDeque;

/** Counts an instance's interrupted tasks; too many within a window means its code keeps running away. */
final class Overruns {
    static final int STRIKES = 3;
    static final Duration WINDOW = Duration.ofSeconds(30);

    // Watchdog thread only.
    private final ArrayDeque<Long> recent = new ArrayDeque<>();

    /** Records an overrun; true when it is the {@value #STRIKES}th within the window. */
    boolean strike() {
        long now = System.nanoTime();
        recent.addLast(now);
        while (now - recent.peekFirst() > WINDOW.toNanos()) {
            recent.removeFirst();
        }
        return recent.size() >= STRIKES;
    }
}
