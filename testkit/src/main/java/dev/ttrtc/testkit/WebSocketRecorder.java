package dev.ttrtc.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw WebSocket client on the JDK's WebSocket that records every text frame it receives and
 * how the connection ended, and hands them out in order with a deadline ({@code next…}).
 * Optionally it keeps the connection alive with a heartbeat and leaves the answers out of the
 * record, as a real client would; without one it sends exactly what the test says.
 *
 * <p>Threading: frames are recorded on the JDK's WebSocket threads; the test thread takes them.
 * Sends are serialised (the JDK allows one at a time), so the test and the heartbeat take turns.
 */
public final class WebSocketRecorder implements AutoCloseable {
    /** How long {@code next…} waits. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ScheduledExecutorService HEARTBEAT = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** The end of the connection as recorded: a close frame's code, or -1 when it broke. */
    public record Closed(int code) {
    }

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;
    private final Predicate<String> unrecorded;
    private final ScheduledFuture<?> heartbeat;
    private volatile int largestFrameBytes;
    // Test thread only.
    private int nextId = 1;

    private WebSocketRecorder(URI uri, Map<String, String> headers, String ping, Duration every, Predicate<String> unrecorded) {
        this.unrecorded = unrecorded;
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).join();
        this.heartbeat = ping == null ? null
                : HEARTBEAT.scheduleWithFixedDelay(() -> beat(ping), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A client that sends only what the test says and records every frame. */
    public static WebSocketRecorder open(URI uri) {
        return open(uri, Map.of());
    }

    /** The same, with handshake headers (an {@code Origin}, as a browser page sends). */
    public static WebSocketRecorder open(URI uri, Map<String, String> headers) {
        return new WebSocketRecorder(uri, headers, null, null, text -> false);
    }

    /**
     * A client that sends {@code ping} every {@code every}, as a live client does, and leaves the
     * frames {@code answer} matches (the pongs) out of the record.
     */
    public static WebSocketRecorder keptAlive(URI uri, String ping, Duration every, Predicate<String> answer) {
        return new WebSocketRecorder(uri, Map.of(), ping, every, answer);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                largestFrameBytes = Math.max(largestFrameBytes, text.getBytes(StandardCharsets.UTF_8).length);
                if (!unrecorded.test(text)) {
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
    }

    private void beat(String ping) {
        if (!send(ping)) {
            heartbeat.cancel(false);
        }
    }

    /** A fresh request id (1, 2, …) for protocols that answer requests by id. */
    public int id() {
        return nextId++;
    }

    // ---- sending --------------------------------------------------------------------------------------

    /** Sends one text message; false when the connection is already gone. */
    public synchronized boolean send(String text) {
        return sent(() -> socket.sendText(text, true));
    }

    /** Sends one text message split into fragments at the given character offsets. */
    public synchronized boolean sendFragments(String text, int... cuts) {
        int from = 0;
        for (int cut : cuts) {
            String fragment = text.substring(from, cut);
            if (!sent(() -> socket.sendText(fragment, false))) {
                return false;
            }
            from = cut;
        }
        String rest = text.substring(from);
        return sent(() -> socket.sendText(rest, true));
    }

    public synchronized boolean sendBinary(byte[] bytes) {
        return sent(() -> socket.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    private static boolean sent(java.util.function.Supplier<CompletableFuture<WebSocket>> send) {
        try {
            send.get().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    // ---- what was received ----------------------------------------------------------------------------

    /** The next frame (a String) or the end of the connection (a {@link Closed}), or null after the timeout. */
    public Object poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next frame (a String) or the end of the connection (a {@link Closed}), within the timeout. */
    public Object next(Duration timeout) throws InterruptedException {
        Object frame = poll(timeout);
        if (frame == null) {
            throw new AssertionError("no frame within " + timeout.toSeconds() + " s");
        }
        return frame;
    }

    /** The next frame, which must be a text message. */
    public String nextText() throws InterruptedException {
        Object frame = next(TIMEOUT);
        if (!(frame instanceof String text)) {
            throw new AssertionError("expected a message, got " + frame);
        }
        return text;
    }

    /** The next frame, which must be a JSON message. */
    public JsonNode nextJson() throws InterruptedException {
        String text = nextText();
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame, which must be a JSON message whose {@code type} is {@code type}. */
    public JsonNode nextJson(String type) throws InterruptedException {
        JsonNode message = nextJson();
        if (!message.path("type").asText().equals(type)) {
            throw new AssertionError("expected " + type + ", got " + message);
        }
        return message;
    }

    /** The next JSON message whose {@code type} is {@code type}, skipping the others. */
    public JsonNode nextOfType(String type) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            Object frame = poll(Duration.ofMillis(100));
            if (frame instanceof String text) {
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.path("type").asText().equals(type)) {
                        return message;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("no " + type + " message within " + TIMEOUT.toSeconds() + " s");
    }

    /** Everything received so far, without waiting. */
    public List<Object> drain() {
        List<Object> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    /** How the connection ended, waiting up to {@link #TIMEOUT}; skips frames still queued. */
    public int awaitClose() throws Exception {
        return closeCode.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    /** The largest frame received, in UTF-8 bytes. */
    public int largestFrameBytes() {
        return largestFrameBytes;
    }

    /** Keeps the connection open but stops the heartbeat, as a frozen client would. */
    public void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    /** Drops the TCP connection without a close frame, as a killed process would. */
    @Override
    public void close() {
        stopHeartbeat();
        socket.abort();
    }
}
