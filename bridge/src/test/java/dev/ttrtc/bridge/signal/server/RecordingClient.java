package dev.ttrtc.bridge.signal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.ServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw WebSocket client for server tests: sends any text, records every frame the server sends
 * (and the close), and hands them out in order with a deadline.
 */
final class RecordingClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String PING = MessageCodec.write(new ClientMessage.Ping());
    private static final ScheduledExecutorService PINGER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-pinger");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> pinger;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;
    private int nextId = 1;

    /** A close frame (or the end of the connection) as recorded. */
    record Closed(int code) {
    }

    RecordingClient(URI uri) {
        StringBuilder partial = new StringBuilder();
        this.socket = HTTP.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    if (!text.contains("\"type\":\"pong\"")) {
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
        this.pinger = PINGER.scheduleWithFixedDelay(this::ping, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** The JDK allows one send at a time, so the test thread and the pinger take turns. */
    synchronized void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    private void ping() {
        try {
            sendRaw(PING);
        } catch (RuntimeException e) {
            pinger.cancel(false);
        }
    }

    void send(ClientMessage message) {
        sendRaw(MessageCodec.write(message));
    }

    int id() {
        return nextId++;
    }

    /** Joins the development app's room with a fresh token and returns the joined answer. */
    ServerMessage.Joined join(String roomId, String userId) throws Exception {
        return join(roomId, userId, true, token(roomId, userId, 3600, true));
    }

    ServerMessage.Joined join(String roomId, String userId, boolean visible, String token) throws Exception {
        send(new ClientMessage.Join(id(), DevelopmentApp.APP_ID, roomId, userId, token, visible, MediaState.NONE, null));
        return next(ServerMessage.Joined.class);
    }

    static String token(String roomId, String userId, long lifetimeSeconds, boolean canPublish) {
        return AccessToken.issue(DevelopmentApp.APP_ID, roomId, userId, System.currentTimeMillis() / 1000,
                lifetimeSeconds, canPublish).serialize(DevelopmentApp.APP_KEY);
    }

    /** The next frame, which must be a message of this type. */
    <T extends ServerMessage> T next(Class<T> type) throws Exception {
        Object frame = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(frame, "no frame within " + TIMEOUT);
        assertInstanceOf(String.class, frame, "expected a " + type.getSimpleName() + ", got " + frame);
        ServerMessage message = MessageCodec.readServer((String) frame);
        return assertInstanceOf(type, message, "expected a " + type.getSimpleName() + ", got " + frame);
    }

    /** The next frame, which must be an error with this code. */
    ServerMessage.Error nextError(int code) throws Exception {
        ServerMessage.Error error = next(ServerMessage.Error.class);
        assertEquals(code, error.code(), error.toString());
        return error;
    }

    /** Skips frames until the connection closes; returns the close code. */
    int awaitClose() throws Exception {
        return closeCode.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the TCP connection without a close frame, as a killed process would. */
    void kill() {
        close();
    }

    /** Keeps the connection open but stops the heartbeat, as a frozen client would. */
    void freeze() {
        pinger.cancel(false);
    }

    @Override
    public void close() {
        pinger.cancel(false);
        socket.abort();
    }
}
