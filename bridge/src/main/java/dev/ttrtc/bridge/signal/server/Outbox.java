package dev.ttrtc.bridge.signal.server;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.XnioIoThread;

/**
 * The server's outgoing frames, queued per Undertow IO thread. Undertow writes a frame sent from
 * another thread by waking the channel's IO thread, once per frame: a broadcast to 50 members
 * would wake it 50 times. Here frames wait in a lane per IO thread and one task writes all that
 * are waiting, so a broadcast costs about one wake-up per IO thread. Each channel has one IO
 * thread and each lane is first in, first out, so one connection's frames keep their order.
 * Safe from any thread.
 */
final class Outbox {
    private record Item(WebSocketChannel channel, Frame frame, WebSocketCallback<Long> written, long cost) {
    }

    private final Map<XnioIoThread, Lane> lanes = new ConcurrentHashMap<>();

    /** Queues {@code frame} for the channel's IO thread; {@code written} gets {@code cost} back once it is out. */
    void send(WebSocketChannel channel, Frame frame, WebSocketCallback<Long> written, long cost) {
        lanes.computeIfAbsent(channel.getIoThread(), Lane::new).add(new Item(channel, frame, written, cost));
    }

    private static final class Lane {
        private final XnioIoThread thread;
        private final Queue<Item> items = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(XnioIoThread thread) {
            this.thread = thread;
        }

        void add(Item item) {
            items.add(item);
            if (scheduled.compareAndSet(false, true)) {
                thread.execute(this::drain);
            }
        }

        private void drain() {
            scheduled.set(false);
            Item item;
            while ((item = items.poll()) != null) {
                WebSockets.sendText(item.frame().view(), item.channel(), item.written(), item.cost());
            }
        }
    }
}
