package dev.ttrtc.bridge.media;

import dev.ttrtc.bridge.engine.PeerConnectionStats;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The native peer connections of one engine: how many are open (at most {@link #CAP}), how many
 * were ever created, and the engine-wide rate at which new ones may be created. A closed
 * connection is never freed by webrtc-java 0.14.0, so what bounds native memory is the creation
 * rate, not only the open count: {@link #ENGINE_BURST} at once (a full room of 50 members needs
 * about 100 when joining), then one per {@link #ENGINE_REFILL_MILLIS}.
 */
public final class PeerConnectionBudget {
    public static final int CAP = 256;
    static final int ENGINE_BURST = 128;
    static final long ENGINE_REFILL_MILLIS = 250;

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private final TokenBucket creations = new TokenBucket(ENGINE_BURST, ENGINE_REFILL_MILLIS);

    /** Whether one more connection may be created now (takes an engine token when it may). Engine thread. */
    boolean tryCreate() {
        return open.get() < CAP && creations.tryTake();
    }

    /** Whether {@link #tryCreate} would succeed now (takes nothing). */
    boolean canCreate() {
        return open.get() < CAP && creations.hasToken();
    }

    /** Milliseconds until {@link #tryCreate} may succeed again (at least 1). */
    long retryAfterMillis() {
        return open.get() >= CAP ? ENGINE_REFILL_MILLIS * 4 : creations.millisUntilToken();
    }

    void created() {
        open.incrementAndGet();
        created.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    void deferredOne() {
        deferred.incrementAndGet();
    }

    public PeerConnectionStats stats() {
        return new PeerConnectionStats(open.get(), created.get(), deferred.get(), CAP);
    }
}
