package dev.ttrtc.bridge.media;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how often one room's media creates native peer connections. Each remote member may make
 * this participant create a connection in each direction {@link #MEMBER_BURST} times at once and
 * then once per {@link #MEMBER_REFILL_MILLIS} (a member rejoining, a connection failing), within
 * the engine's {@link PeerConnectionBudget}. A negotiation over budget is not dropped but held:
 * only the latest per member and direction waits, and it runs once the budgets allow — so a member
 * relaying {@code subscribe} with a fresh session id in a loop gets one new connection per period,
 * and the final state is still the one it asked for last. Engine thread only.
 */
final class NegotiationGate {
    static final int MEMBER_BURST = 4;
    static final long MEMBER_REFILL_MILLIS = 2000;

    /** Which side of a member's connection pair. */
    enum Direction { SEND, RECEIVE }

    private record Key(String member, Direction direction) {
    }

    private final PeerConnectionBudget budget;
    private final ScheduledExecutorService engineThread;
    private final Map<Key, TokenBucket> buckets = new HashMap<>();
    private final Map<Key, Runnable> pending = new HashMap<>();
    private final Map<Key, ScheduledFuture<?>> timers = new HashMap<>();
    private boolean closed;

    NegotiationGate(PeerConnectionBudget budget, ScheduledExecutorService engineThread) {
        this.budget = budget;
        this.engineThread = engineThread;
    }

    /**
     * Whether one connection to {@code member} in {@code direction} may be created now: if so, takes
     * the tokens for it and answers true. If not, keeps {@code retry} as that member's pending
     * negotiation in this direction (replacing any earlier one), runs it once the budgets allow
     * (it asks again then), and answers false.
     */
    boolean mayCreate(String member, Direction direction, Runnable retry) {
        if (closed) {
            return false;
        }
        Key key = new Key(member, direction);
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(MEMBER_BURST, MEMBER_REFILL_MILLIS));
        if (!pending.containsKey(key) && bucket.hasToken() && budget.tryCreate()) {
            bucket.tryTake();
            return true;
        }
        if (pending.put(key, retry) == null) {
            budget.deferredOne();
            schedule(key);
        }
        return false;
    }

    private void schedule(Key key) {
        long wait = Math.max(buckets.get(key).millisUntilToken(), budget.retryAfterMillis());
        timers.put(key, engineThread.schedule(() -> runPending(key), wait, TimeUnit.MILLISECONDS));
    }

    private void runPending(Key key) {
        timers.remove(key);
        if (closed || !pending.containsKey(key)) {
            return;
        }
        if (buckets.get(key).hasToken() && budget.canCreate()) {
            pending.remove(key).run();
        } else {
            schedule(key);
        }
    }

    /** The member left: nothing of it waits any more (its budget stays until refilled, so leaving and rejoining gains nothing). */
    void forget(String member) {
        for (Direction direction : Direction.values()) {
            Key key = new Key(member, direction);
            pending.remove(key);
            ScheduledFuture<?> timer = timers.remove(key);
            if (timer != null) {
                timer.cancel(false);
            }
            TokenBucket bucket = buckets.get(key);
            if (bucket != null && bucket.isFull()) {
                buckets.remove(key);
            }
        }
    }

    int pendingCount() {
        return pending.size();
    }

    void close() {
        closed = true;
        pending.clear();
        timers.values().forEach(t -> t.cancel(false));
        timers.clear();
    }
}
