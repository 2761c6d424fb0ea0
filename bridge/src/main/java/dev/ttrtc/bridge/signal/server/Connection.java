package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.ServerMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * One client WebSocket and what the server keeps about it. Sending is safe from any thread and
 * bounded: a client that leaves more than {@code maxQueuedBytes} unread is too slow and is
 * dropped, so that one stalled reader cannot make the server buffer without end.
 *
 * <p>Threads: the rate budget is the channel's IO thread's (Undertow reads one channel on one
 * thread); {@link #tail} is appended to on that thread too; {@link #member} changes only in the
 * connection's own task chain or on its member's room strand (see {@link SignalService}).
 */
final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** How long a too-slow client has to read its error and close frames before the socket is cut. */
    private static final long SLOW_GRACE_MILLIS = 1000;
    /**
     * How long any other client we close has to answer the close before the socket is cut:
     * Undertow waits for the answer for ever, and until the socket ends the member stays attached
     * and the address's connection count stays taken. Generous, because cutting a socket the
     * client has not read yet discards what it has not read (its error frame among them), and
     * a client on a busy machine may take seconds to get to it.
     */
    private static final long CLOSE_GRACE_MILLIS = 10_000;

    private final WebSocketChannel channel;
    private final String label;
    /** What a queued frame costs beyond its bytes (Undertow's frame and callback objects), roughly. */
    static final int FRAME_OVERHEAD = 128;

    private final int maxQueuedBytes;
    private final Outbox outbox;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    volatile Member member;
    volatile long lastSeenNanos;
    /** The last task of this connection's chain (IO thread only). */
    CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    /** The messages it may send (IO thread only). */
    private final RateBudget messages;
    /**
     * The bytes of signal data its member may have relayed (the connection's chain only); kept by
     * the connection, so that joining again does not refill it.
     */
    private final RateBudget signalBytes;
    // Guarded by itself.
    private final ArrayDeque<Long> recentErrors = new ArrayDeque<>();

    /** Gives a written (or failed) frame's cost back; the context is that cost. */
    private final WebSocketCallback<Long> written = new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel ch, Long cost) {
            queuedBytes.addAndGet(-cost);
        }

        @Override
        public void onError(WebSocketChannel ch, Long cost, Throwable throwable) {
            queuedBytes.addAndGet(-cost);
        }
    };

    Connection(WebSocketChannel channel, Outbox outbox, long nowNanos, ServerSettings settings) {
        this.channel = channel;
        this.outbox = outbox;
        this.label = String.valueOf(channel.getSourceAddress());
        this.maxQueuedBytes = settings.maxQueuedBytes();
        this.lastSeenNanos = nowNanos;
        this.messages = new RateBudget(settings.maxMessagesPerSecond(), nowNanos);
        this.signalBytes = new RateBudget(settings.maxSignalBytesPerSecond(), nowNanos);
    }

    InetAddress address() {
        return ((InetSocketAddress) channel.getSourceAddress()).getAddress();
    }

    boolean isClosed() {
        return closed.get();
    }

    void send(ServerMessage message) {
        send(Frame.of(message));
    }

    /** Queues a frame; a client with too much unread is dropped instead. */
    void send(Frame frame) {
        if (closed.get() || !channel.isOpen()) {
            return;
        }
        long cost = frame.size() + (long) FRAME_OVERHEAD;
        if (queuedBytes.addAndGet(cost) > maxQueuedBytes) {
            queuedBytes.addAndGet(-cost);
            tooSlow();
            return;
        }
        outbox.send(channel, frame, written, cost);
    }

    private void tooSlow() {
        if (closed.compareAndSet(false, true)) {
            LOG.info("{} reads too slowly (over {} bytes unread); dropping it", this, maxQueuedBytes);
            outbox.send(channel, Frame.of(ServerMessage.Error.of(0, RtcException.of(RtcError.TOO_SLOW, maxQueuedBytes))),
                    written, 0L);
            closeOnIoThread(1008, "too slow", SLOW_GRACE_MILLIS);
        }
    }

    /** Takes one message from the rate budget; false when the client exceeds it. IO thread only. */
    boolean admit(long nowNanos) {
        return messages.take(nowNanos, 1);
    }

    /** Takes a relayed frame's bytes from the signal-data budget; false when the member exceeds it. */
    boolean admitSignal(long nowNanos, int bytes) {
        return signalBytes.take(nowNanos, bytes);
    }

    /** Counts a bad message; true when the client has sent too many within the window. */
    boolean countError(long nowNanos, int maxErrors, long windowNanos) {
        synchronized (recentErrors) {
            recentErrors.addLast(nowNanos);
            while (!recentErrors.isEmpty() && nowNanos - recentErrors.peekFirst() > windowNanos) {
                recentErrors.removeFirst();
            }
            return recentErrors.size() > maxErrors;
        }
    }

    /**
     * Closes politely with a WebSocket close code. Closing happens on the channel's IO thread:
     * closed from another thread while the IO thread reads, Undertow frees the read buffer under
     * the reader ("UT000091: Buffer has already been freed").
     */
    void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            closeOnIoThread(code, reason, CLOSE_GRACE_MILLIS);
        }
    }

    /** Behind the frames already queued: the close, then the cut if the client never answers it. */
    private void closeOnIoThread(int code, String reason, long graceMillis) {
        outbox.then(channel, () -> {
            WebSockets.sendClose(code, reason, channel, null);
            channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), graceMillis, TimeUnit.MILLISECONDS);
        });
    }

    /** The socket is gone: nothing more is sent. */
    void ended() {
        closed.set(true);
    }

    /** Drops the socket without a goodbye (a dead peer would not read one), on its IO thread. */
    void abort() {
        closed.set(true);
        channel.getIoThread().execute(() -> IoUtils.safeClose(channel));
    }

    @Override
    public String toString() {
        return label;
    }
}
