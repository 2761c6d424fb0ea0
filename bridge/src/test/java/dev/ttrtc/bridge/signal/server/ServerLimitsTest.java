package dev.ttrtc.bridge.signal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.testkit.Eventually;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host rules that bound what one client can cost the server: caps, origins, error texts. */
class ServerLimitsTest {
    RoomServer server;
    final List<RecordingClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(RecordingClient::close);
        server.close();
    }

    void start(ServerSettings settings) {
        server = RoomServer.builder().port(0).settings(settings).allowOrigin("https://tools.example.com").build().start();
    }

    RecordingClient client() {
        RecordingClient client = new RecordingClient(server.signalUri());
        clients.add(client);
        return client;
    }

    @Test
    void a_room_admits_a_bounded_number_of_invisible_members() throws Exception {
        start(ServerSettings.defaults().withMaxInvisibleMembers(2));
        client().join("r", "a", false, RecordingClient.token("r", "a", 600, true));
        client().join("r", "b", false, RecordingClient.token("r", "b", 600, true));
        RecordingClient third = client();
        third.send(new ClientMessage.Join(third.id(), DevelopmentApp.APP_ID, "r", "c", RecordingClient.token("r", "c", 600, true),
                false, MediaState.NONE, null));
        assertEquals("room r is full: at most 2 invisible users", third.nextError(21102).message());
        RecordingClient visible = client();
        visible.join("r", "c");
        visible.send(new ClientMessage.Visibility(visible.id(), false));
        assertEquals("room r is full: at most 2 invisible users", visible.nextError(21102).message());
    }

    @Test
    void connections_beyond_the_cap_of_one_address_are_refused() throws Exception {
        start(ServerSettings.defaults().withMaxConnectionsPerAddress(3));
        for (int i = 0; i < 3; i++) {
            client().join("r", "u" + i);
        }
        RecordingClient fourth = client();
        assertEquals("more than 3 connections from one address; disconnecting", fourth.nextError(40009).message());
        assertEquals(1008, fourth.awaitClose());
        clients.remove(0).close();
        Eventually.await("u0's connection is gone", () -> server.room(DevelopmentApp.APP_ID, "r").orElseThrow().members()
                .stream().anyMatch(m -> m.userId().equals("u0") && !m.connected()));
        client().join("r", "u9");
    }

    @Test
    void joins_whose_connection_closes_at_once_leave_no_room_behind() throws Exception {
        start(ServerSettings.defaults());
        // Some of these joins are handled before their socket is seen closed, some after: a room
        // created for a join that then never ran used to stay listed for good.
        for (int i = 0; i < 50; i++) {
            RecordingClient quitter = new RecordingClient(server.signalUri());
            quitter.send(new ClientMessage.Join(quitter.id(), DevelopmentApp.APP_ID, "gone-" + i, "u",
                    RecordingClient.token("gone-" + i, "u", 600, true), true, MediaState.NONE, null));
            quitter.close();
        }
        Eventually.await("every room retired", () -> server.rooms().isEmpty());
    }

    @Test
    void pages_of_other_origins_may_not_open_a_signalling_connection() throws Exception {
        start(ServerSettings.defaults());
        assertEquals(101, handshake(null));
        assertEquals(101, handshake("http://127.0.0.1:8080"));
        assertEquals(101, handshake("http://localhost:" + server.port()));
        assertEquals(101, handshake("https://tools.example.com"));
        assertEquals(403, handshake("https://evil.example.com"));
        assertEquals(403, handshake("http://127.0.0.1.evil.example.com"));
        assertEquals(403, handshake("null"));
        assertEquals(403, handshake("file://"));
    }

    int handshake(String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            String request = "GET /signal HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder status = new StringBuilder();
            for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                status.append((char) c);
            }
            return Integer.parseInt(status.toString().split(" ")[1]);
        }
    }

    @Test
    void error_frames_name_fields_never_java_classes() throws Exception {
        start(ServerSettings.defaults());
        RecordingClient client = client();
        String[] frames = {
            "{\"v\":1,\"type\":\"join\",\"id\":1}",
            "{\"v\":1,\"type\":\"update\",\"id\":1,\"state\":{\"audioCapture\":1}}",
            "{\"v\":1,\"type\":\"ping\",\"extra\":true}",
            "{\"v\":1,\"type\":\"signal\",\"to\":\"x\",\"data\":[]}",
            "{\"v\":1,\"type\":\"update\",\"id\":\"1\",\"state\":null}",
            "[".repeat(2000),
            "{\"v\":1,\"type\":\"join\",\"id\":1,\"appId\":null,\"roomId\":\"r\",\"userId\":\"u\",\"token\":\"t\","
                    + "\"visible\":true,\"state\":{},\"resume\":null}",
        };
        List<String> messages = new ArrayList<>();
        for (String frame : frames) {
            client.sendRaw(frame);
            ServerMessage.Error error = client.next(ServerMessage.Error.class);
            assertEquals(40001, error.code(), error.toString());
            messages.add(error.message());
        }
        for (String message : messages) {
            assertFalse(message.matches("(?s).*(java\\.|dev\\.ttrtc|com\\.fasterxml|\\$|`|Exception|StreamReadConstraints).*"), message);
        }
        assertTrue(messages.get(2).contains("unknown field \"extra\""), messages.get(2));
        assertTrue(messages.get(1).contains("\"state.audioCapture\""), messages.get(1));
    }
}
