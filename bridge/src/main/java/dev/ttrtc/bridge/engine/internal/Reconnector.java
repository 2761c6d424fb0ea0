package dev.ttrtc.bridge.engine.internal;

import dev.ttrtc.bridge.engine.ReconnectPolicy;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;

/**
 * Retries a dropped room connection by the engine's {@link ReconnectPolicy}: attempts with growing
 * delays, until one rejoins, the token is refused (then the token expired) or the policy's time
 * is up (then the connection is lost). Engine thread only.
 */
final class Reconnector {

    /** What one attempt does and where its outcome goes (engine thread). */
    interface Target {
        /** Opens a connection and rejoins; completes with the server's answer. */
        CompletableFuture<RoomSession.Attempt> attempt();

        /** Whether the room still waits for a reconnection (not left or interrupted meanwhile). */
        boolean waiting();

        void rejoined(RoomSession.Attempt attempt);

        void gaveUp(RtcError reason);
    }

    private final EngineThread thread;
    private final ReconnectPolicy policy;
    private final Target target;
    private long startedNanos;
    private ScheduledFuture<?> timer;

    Reconnector(EngineThread thread, ReconnectPolicy policy, Target target) {
        this.thread = thread;
        this.policy = policy;
        this.target = target;
    }

    void start() {
        thread.assertCurrent();
        startedNanos = System.nanoTime();
        schedule(0);
    }

    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void schedule(int attempt) {
        timer = thread.schedule(() -> run(attempt), policy.delay(attempt).toMillis());
    }

    private void run(int attempt) {
        if (!target.waiting()) {
            return;
        }
        target.attempt().whenCompleteAsync((result, error) -> {
            if (!target.waiting()) {
                if (result != null) {
                    result.connection().close();
                }
                return;
            }
            if (error == null) {
                target.rejoined(result);
                return;
            }
            RtcException cause = RtcException.from(error);
            if (cause.error() == RtcError.INVALID_TOKEN) {
                target.gaveUp(RtcError.TOKEN_EXPIRED);
            } else if (System.nanoTime() - startedNanos > policy.giveUpAfter().toNanos()) {
                target.gaveUp(RtcError.CONNECTION_LOST);
            } else {
                schedule(attempt + 1);
            }
        }, thread.executor());
    }
}
