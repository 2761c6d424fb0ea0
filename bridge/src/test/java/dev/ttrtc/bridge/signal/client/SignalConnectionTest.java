package dev.ttrtc.bridge.signal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.bridge.signal.server.RoomServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Why a room server cannot be reached, as the mini-program reads it: in words, never a Java exception's name. */
class SignalConnectionTest {
    private static final SignalConnection.Listener IGNORING = new SignalConnection.Listener() {
        @Override
        public void onMessage(SignalConnection connection, ServerMessage message) {
        }

        @Override
        public void onLost(SignalConnection connection, String reason) {
        }
    };

    private static String failure(URI server) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> SignalConnection.open(server, IGNORING, Duration.ofSeconds(30)).get());
        return assertInstanceOf(RtcException.class, e.getCause()).detail();
    }

    @Test
    void a_closed_port_is_a_refused_connection() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI server = URI.create("ws://127.0.0.1:" + port + "/signal");
        assertEquals("cannot reach the room server at " + server + ": the connection was refused"
                + " (is the room server running on that port?)", failure(server));
    }

    @Test
    void a_server_that_is_not_a_room_server_says_what_it_answered() {
        try (RoomServer http = RoomServer.builder().port(0).build().start()) {
            URI notSignal = http.httpUri().resolve("/api/nothing-here").normalize();
            URI ws = URI.create("ws://" + notSignal.getAuthority() + notSignal.getPath());
            assertEquals("cannot reach the room server at " + ws + ": it answered HTTP 404, not a WebSocket room server",
                    failure(ws));
        }
    }
}
