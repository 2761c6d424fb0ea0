package dev.ttrtc.automator.internal;

import java.time.Duration;

/**
 * How an endpoint answers.
 *
 * @param callTimeout how long one request may wait for the instance (a promise that never settles)
 * @param screenshots renders {@code App.captureScreenshot}
 */
public record AutomatorSettings(Duration callTimeout, Screenshots screenshots) {
    /** Host rule: a request waits this long for the instance before it fails. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    public static AutomatorSettings defaults() {
        return new AutomatorSettings(CALL_TIMEOUT, Screenshots.chromium());
    }
}
