package dev.ttrtc.bridge.signal.server;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one room's tasks one at a time, in order, on the server's shared room threads. A strand
 * runs at most {@link #TURN} tasks before it goes to the back of the line, so a room flooded with
 * work delays every other room by at most one turn: no room can starve another, whichever thread
 * it shares. Tasks may be submitted from any thread.
 */
final class Strand implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(Strand.class);
    /** Tasks per turn: enough to amortise the hand-over, few enough to keep turns short. */
    static final int TURN = 16;

    private final Executor threads;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean queued = new AtomicBoolean();

    Strand(Executor threads) {
        this.threads = threads;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (!tasks.isEmpty() && queued.compareAndSet(false, true)) {
            threads.execute(this::turn);
        }
    }

    private void turn() {
        try {
            for (int i = 0; i < TURN; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // A bug in one rule must not stop the room: log it and go on with the next task.
                    LOG.error("room task failed", e);
                }
            }
        } finally {
            // Even after an Error: a strand left marked queued would never run its room again.
            queued.set(false);
            schedule();
        }
    }
}
