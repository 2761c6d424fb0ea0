package dev.ttrtc.bridge.signal.server;

/**
 * A token bucket: {@code perSecond} units a second, saved up to a burst of twice that. Not
 * thread-safe: each budget belongs to one thread or one ordered chain of tasks.
 */
final class RateBudget {
    private final int perSecond;
    private double tokens;
    private long refilledNanos;

    RateBudget(int perSecond, long nowNanos) {
        this.perSecond = perSecond;
        this.tokens = burst();
        this.refilledNanos = nowNanos;
    }

    /** Takes {@code units}; false, taking nothing, when fewer have been saved up. */
    boolean take(long nowNanos, int units) {
        tokens = Math.min(burst(), tokens + (nowNanos - refilledNanos) / 1e9 * perSecond);
        refilledNanos = nowNanos;
        if (tokens < units) {
            return false;
        }
        tokens -= units;
        return true;
    }

    private double burst() {
        return perSecond * 2.0;
    }
}
