package dev.ttrtc.bridge.engine;

import java.time.Duration;

/**
 * How a dropped room connection is retried: after {@code initialDelay}, doubling up to
 * {@code maxDelay}, until {@code giveUpAfter} has passed since the drop.
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {
    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(20));

    /** The delay before attempt number {@code attempt} (0-based). */
    public Duration delay(int attempt) {
        long millis = initialDelay.toMillis() << Math.min(attempt, 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
