package dev.ttrtc.reliability.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A raw signalling client on the JDK's WebSocket: sends any text or binary, records every frame
 * the server sends and how the connection ended, and hands them out in order with a deadline.
 * A member client pings every 500 ms as real clients do and leaves the pongs out of its record;
 * an attacker client never pings on its own, so it sees exactly the answers to what it sent.
 */
final class WireClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PING = "{\"v\":1,\"type\":\"ping\"}";
    private static final ScheduledExecutorService PINGER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-pinger");
        t.setDaemon(true);
        return t;
    });

    /** The end of the connection as recorded: a close frame's code, or -1 when it broke. */
    record Closed(int code) {
    }

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;
    private final ScheduledFuture<?> pinger;
    private final boolean member;
    private volatile int largestFrameBytes;
    private int nextId = 1;

    private WireClient(URI uri, boolean member) {
        this.member = member;
        StringBuilder partial = new StringBuilder();
        this.socket = HTTP.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    largestFrameBytes = Math.max(largestFrameBytes, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                    if (!(WireClient.this.member && text.equals("{\"v\":1,\"type\":\"pong\"}"))) {
                        received.add(text);
                    }
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                received.add(new Closed(statusCode));
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                received.add(new Closed(-1));
                closeCode.complete(-1);
            }
        }).join();
        this.pinger = member ? PINGER.scheduleWithFixedDelay(this::ping, 500, 500, TimeUnit.MILLISECONDS) : null;
    }

    /** A client that keeps its connection alive, as a room member's client does. */
    static WireClient member(URI uri) {
        return new WireClient(uri, true);
    }

    /** A client that sends only what the test says. */
    static WireClient attacker(URI uri) {
        return new WireClient(uri, false);
    }

    int id() {
        return nextId++;
    }

    /** Sends one text message; false when the connection is already gone. */
    synchronized boolean send(String text) {
        try {
            socket.sendText(text, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Sends one text message split into fragments at the given character offsets. */
    synchronized boolean sendFragments(String text, int... cuts) {
        try {
            int from = 0;
            for (int cut : cuts) {
                socket.sendText(text.substring(from, cut), false).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                from = cut;
            }
            socket.sendText(text.substring(from), true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    synchronized boolean sendBinary(byte[] bytes) {
        try {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void ping() {
        if (!send(PING)) {
            pinger.cancel(false);
        }
    }

    /** The next frame (a String) or the end of the connection (a {@link Closed}), or null after the timeout. */
    Object poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next frame (a String) or the end of the connection (a {@link Closed}), within the timeout. */
    Object next(Duration timeout) throws InterruptedException {
        Object frame = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(frame, "no frame within " + timeout);
        return frame;
    }

    /** The next frame, which must be a message; parsed as plain JSON (no protocol checks). */
    JsonNode nextMessage() throws InterruptedException {
        Object frame = next(TIMEOUT);
        if (!(frame instanceof String text)) {
            throw new AssertionError("expected a message, got " + frame);
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message, which must be of this type. */
    JsonNode next(String type) throws InterruptedException {
        JsonNode message = nextMessage();
        assertEquals(type, message.path("type").asText(), "expected " + type + ", got " + message);
        return message;
    }

    /** Everything received so far, without waiting. */
    List<Object> drain() {
        List<Object> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    /** How the connection ended, waiting up to the timeout; skips frames still queued. */
    int awaitClose() throws Exception {
        return closeCode.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    /** The largest frame the server sent this client, in UTF-8 bytes. */
    int largestFrameBytes() {
        return largestFrameBytes;
    }

    @Override
    public void close() {
        if (pinger != null) {
            pinger.cancel(false);
        }
        socket.abort();
    }
}
