package dev.ttrtc.bridge.simulator;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One connected page and what is on its way to it. One message is in flight at a time; the rest
 * wait in a queue bounded by {@link #MAX_QUEUED_BYTES}: a page that stops reading costs at most
 * that much, the oldest messages are dropped and the page is told how many (a {@code dropped}
 * note). A video frame replaces the frame of the same tile still waiting (the newest picture
 * is the one worth sending). A dropped view op leaves the page's mirror wrong, so the
 * simulator sends that page the whole page again ({@link #takeViewLost}). Thread-safe.
 */
final class PageClient {
    /** Host rule: what may wait for one page before the oldest is dropped. */
    static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;

    private final WebSocketChannel channel;
    // Guarded by this.
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    private long dropped;
    private boolean viewLost;
    /** A {@code dropped} note is owed to the page. */
    private boolean pendingNote;

    /** A text message, or a binary one (a frame) when {@code binary} is set; {@code tile} names a frame's tile. */
    private record Outgoing(String text, byte[] binary, String tile, boolean view) {
        int size() {
            return binary != null ? binary.length : text.length() * 2;
        }
    }

    PageClient(WebSocketChannel channel) {
        this.channel = channel;
    }

    WebSocketChannel channel() {
        return channel;
    }

    void send(String json) {
        enqueue(new Outgoing(json, null, null, false));
    }

    /** A message of view ops: if it is ever dropped, the page needs the whole page again. */
    void sendView(String json) {
        enqueue(new Outgoing(json, null, null, true));
    }

    /** A frame of a tile: it replaces one of the same tile that has not gone out yet. */
    void sendFrame(String tile, byte[] message) {
        synchronized (this) {
            for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
                Outgoing waiting = it.next();
                if (tile.equals(waiting.tile())) {
                    it.remove();
                    queuedBytes -= waiting.size();
                }
            }
        }
        enqueue(new Outgoing(null, message, tile, false));
    }

    /** Whether frames of this tile are still waiting: the frame thread skips encoding another one. */
    synchronized boolean frameWaiting(String tile) {
        return queue.stream().anyMatch(o -> tile.equals(o.tile()));
    }

    /** True once after a view op was dropped. */
    synchronized boolean takeViewLost() {
        boolean lost = viewLost;
        viewLost = false;
        return lost;
    }

    /** Messages dropped so far (for the page's note and for tests). */
    synchronized long dropped() {
        return dropped;
    }

    synchronized int queued() {
        return queue.size();
    }

    private void enqueue(Outgoing message) {
        if (!channel.isOpen()) {
            return;
        }
        synchronized (this) {
            queue.addLast(message);
            queuedBytes += message.size();
            while (queuedBytes > MAX_QUEUED_BYTES && queue.size() > 1) {
                Outgoing oldest = queue.removeFirst();
                queuedBytes -= oldest.size();
                dropped++;
                viewLost |= oldest.view();
                pendingNote = true;
            }
        }
        pump();
    }

    private void pump() {
        Outgoing next;
        synchronized (this) {
            if (sending || !channel.isOpen()) {
                return;
            }
            if (pendingNote) {
                pendingNote = false;
                next = new Outgoing(Simulator.message("dropped").put("count", dropped)
                        .put("note", "the page did not keep up: the oldest updates were dropped").toString(), null, null, false);
            } else {
                next = queue.pollFirst();
                if (next == null) {
                    return;
                }
                queuedBytes -= next.size();
            }
            sending = true;
        }
        if (next.binary() != null) {
            WebSockets.sendBinary(ByteBuffer.wrap(next.binary()), channel, new Done());
        } else {
            WebSockets.sendText(next.text(), channel, new Done());
        }
    }

    /** Sends the next message once the previous one is written. */
    private final class Done implements WebSocketCallback<Void> {
        @Override
        public void complete(WebSocketChannel ch, Void context) {
            synchronized (PageClient.this) {
                sending = false;
            }
            pump();
        }

        @Override
        public void onError(WebSocketChannel ch, Void context, Throwable throwable) {
            synchronized (PageClient.this) {
                queue.clear();
                queuedBytes = 0;
            }
            WebSockets.sendClose(1011, "send failed", ch, null);
        }
    }
}
