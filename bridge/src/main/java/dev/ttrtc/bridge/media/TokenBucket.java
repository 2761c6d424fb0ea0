package dev.ttrtc.bridge.media;

/**
 * A token bucket: up to {@code capacity} tokens, one more every {@code refillMillis}. Not
 * thread-safe: each owner uses it from one thread.
 */
final class TokenBucket {
    private final int capacity;
    private final long refillNanos;
    private double tokens;
    private long lastNanos = System.nanoTime();

    TokenBucket(int capacity, long refillMillis) {
        this.capacity = capacity;
        this.refillNanos = refillMillis * 1_000_000L;
        this.tokens = capacity;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (double) (now - lastNanos) / refillNanos);
        lastNanos = now;
    }

    boolean hasToken() {
        refill();
        return tokens >= 1;
    }

    boolean isFull() {
        refill();
        return tokens >= capacity;
    }

    boolean tryTake() {
        refill();
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Milliseconds until a token is there (at least 1). */
    long millisUntilToken() {
        refill();
        return Math.max(1, (long) Math.ceil((1 - tokens) * refillNanos / 1_000_000.0));
    }
}
