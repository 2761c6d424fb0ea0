package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.ServerMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.util.ArrayDeque;
import org.xnio.IoUtils;

/**
 * One client WebSocket. Fields other than the channel are touched only on the server's actor
 * thread.
 */
final class Connection {
    private final WebSocketChannel channel;
    private final String label;
    Member member;
    long lastSeenNanos;
    private double tokens;
    private long tokensRefilledNanos;
    private final ArrayDeque<Long> recentErrors = new ArrayDeque<>();
    boolean closed;

    Connection(WebSocketChannel channel, long nowNanos, int burst) {
        this.channel = channel;
        this.label = String.valueOf(channel.getSourceAddress());
        this.lastSeenNanos = nowNanos;
        this.tokens = burst;
        this.tokensRefilledNanos = nowNanos;
    }

    WebSocketChannel channel() {
        return channel;
    }

    void send(ServerMessage message) {
        sendText(MessageCodec.write(message));
    }

    /** Sends a message already written as JSON text. */
    void sendText(String text) {
        if (!closed && channel.isOpen()) {
            WebSockets.sendText(text, channel, null);
        }
    }

    /** Takes one message from the rate budget; false when the client exceeds it. */
    boolean admit(long nowNanos, int perSecond) {
        double refill = (nowNanos - tokensRefilledNanos) / 1e9 * perSecond;
        tokens = Math.min(perSecond * 2.0, tokens + refill);
        tokensRefilledNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Counts a bad message; true when the client has sent too many within the window. */
    boolean countError(long nowNanos, int maxErrors, long windowNanos) {
        recentErrors.addLast(nowNanos);
        while (!recentErrors.isEmpty() && nowNanos - recentErrors.peekFirst() > windowNanos) {
            recentErrors.removeFirst();
        }
        return recentErrors.size() > maxErrors;
    }

    /**
     * Closes politely with a WebSocket close code. Closing happens on the channel's IO thread:
     * closed from another thread while the IO thread reads, Undertow frees the read buffer under
     * the reader ("UT000091: Buffer has already been freed").
     */
    void close(int code, String reason) {
        if (!closed) {
            closed = true;
            channel.getIoThread().execute(() -> WebSockets.sendClose(code, reason, channel, null));
        }
    }

    /** Drops the socket without a goodbye (a dead peer would not read one), on its IO thread. */
    void abort() {
        closed = true;
        channel.getIoThread().execute(() -> IoUtils.safeClose(channel));
    }

    @Override
    public String toString() {
        return label;
    }
}
