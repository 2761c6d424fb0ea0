package dev.ttrtc.bridge.signal.server;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.XnioIoThread;

/**
 * The server's outgoing frames (and closes), queued per Undertow IO thread. Undertow writes a
 * frame sent from another thread by waking the channel's IO thread, once per frame: a broadcast
 * to 50 members would wake it 50 times. Here frames wait in a lane per IO thread and one task
 * writes those waiting (up to 256 a turn), so a broadcast costs about one wake-up per IO thread.
 * Each channel has one IO thread and each lane is first in, first out, so one connection's
 * frames keep their order. Safe from any thread.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private final Map<XnioIoThread, Lane> lanes = new ConcurrentHashMap<>();

    /** Queues {@code frame} for the channel's IO thread; {@code written} gets {@code cost} back once it is out. */
    void send(WebSocketChannel channel, Frame frame, WebSocketCallback<Long> written, long cost) {
        then(channel, () -> WebSockets.sendText(frame.view(), channel, written, cost));
    }

    /**
     * Queues {@code action} (a close) behind the frames already queued for the channel, so that
     * it cannot overtake them: a close sent straight to the IO thread could go out before the
     * error frame that explains it.
     */
    void then(WebSocketChannel channel, Runnable action) {
        lanes.computeIfAbsent(channel.getIoThread(), Lane::new).add(action);
    }

    private static final class Lane {
        private final XnioIoThread thread;
        private final Queue<Runnable> items = new ConcurrentLinkedQueue<>();
        /** Frames (and closes) written in one go before the IO thread gets to read again. */
        private static final int BATCH = 256;
        /** True while a drain is queued or running: it alone writes, and it clears this only when the lane is empty. */
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(XnioIoThread thread) {
            this.thread = thread;
        }

        void add(Runnable item) {
            items.add(item);
            if (scheduled.compareAndSet(false, true)) {
                thread.execute(this::drain);
            }
        }

        /**
         * Writes up to {@link #BATCH} frames. More waiting: the rest is written a millisecond
         * later, from the IO thread's timer, so that it reads its sockets in between (XNIO runs
         * every task queued with {@code execute} before it selects again, so rooms that queue
         * frames faster than they are written would otherwise keep it from reading at all).
         */
        private void drain() {
            int written = 0;
            while (true) {
                Runnable item = items.poll();
                if (item == null) {
                    scheduled.set(false);
                    // A frame added after the poll found nothing and before the reset needs a writer: be it.
                    if (items.isEmpty() || !scheduled.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                try {
                    item.run();
                } catch (RejectedExecutionException e) {
                    // The IO thread is ending (the server is stopping): what was left to write has no one to go to.
                    LOG.debug("a write after the IO thread began to end", e);
                } catch (RuntimeException e) {
                    // One client's failed write must not stop the lane: every connection of this IO thread uses it.
                    LOG.warn("writing to a client failed; the debug log has the details");
                    LOG.debug("writing to a client failed", e);
                }
                if (++written == BATCH) {
                    thread.executeAfter(this::drain, 1, TimeUnit.MILLISECONDS);
                    return;
                }
            }
        }
    }
}
