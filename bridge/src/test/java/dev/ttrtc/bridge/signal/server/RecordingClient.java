package dev.ttrtc.bridge.signal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.net.URI;
import java.time.Duration;

/**
 * A signalling client for server tests: a {@link WebSocketRecorder} that pings as real clients do
 * and reads what it records as protocol messages, in order, with a deadline.
 */
final class RecordingClient implements AutoCloseable {
    static final Duration TIMEOUT = WebSocketRecorder.TIMEOUT;
    private static final String PING = MessageCodec.write(new ClientMessage.Ping());

    private final WebSocketRecorder socket;
    private int nextId = 1;

    RecordingClient(URI uri) {
        this.socket = WebSocketRecorder.keptAlive(uri, PING, Duration.ofMillis(500), text -> text.contains("\"type\":\"pong\""));
    }

    void sendRaw(String text) {
        socket.send(text);
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
        String frame = socket.nextText();
        return assertInstanceOf(type, MessageCodec.readServer(frame), "expected a " + type.getSimpleName() + ", got " + frame);
    }

    /** The next frame, which must be an error with this code. */
    ServerMessage.Error nextError(int code) throws Exception {
        ServerMessage.Error error = next(ServerMessage.Error.class);
        assertEquals(code, error.code(), error.toString());
        return error;
    }

    /** Skips frames until the connection closes; returns the close code. */
    int awaitClose() throws Exception {
        return socket.awaitClose();
    }

    /** Drops the TCP connection without a close frame, as a killed process would. */
    void kill() {
        close();
    }

    /** Keeps the connection open but stops the heartbeat, as a frozen client would. */
    void freeze() {
        socket.stopHeartbeat();
    }

    @Override
    public void close() {
        socket.close();
    }
}
