package dev.ttrtc.bridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.testkit.Eventually;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page's socket without a browser: bad commands get an error frame each, other origins are refused. */
class SimulatorSocketTest {

    RoomServer server;
    Simulator simulator;

    @BeforeEach
    void start() {
        server = RoomServer.builder().port(0).build().start();
        simulator = Simulator.builder(server.signalUri()).rooms(server::rooms).remoteMedia(MediaConfig.SIGNALLING_ONLY).build();
        server.mount("/", simulator.handler());
    }

    @AfterEach
    void stop() {
        simulator.close();
        server.close();
    }

    WebSocketRecorder openPage() {
        return openPage(simulator, server.port());
    }

    /** The page's socket as the page opens it: with the run's key and the page's own Origin. */
    static WebSocketRecorder openPage(Simulator simulator, int port) {
        return WebSocketRecorder.open(socketUri(simulator, port), Map.of("Origin", "http://127.0.0.1:" + port));
    }

    static URI socketUri(Simulator simulator, int port) {
        URI page = simulator.pageUri(URI.create("http://127.0.0.1:" + port + "/"));
        return URI.create("ws://127.0.0.1:" + port + "/sim?" + page.getRawQuery());
    }

    /** Sends {@code text} and returns the next message of {@code type}. */
    static JsonNode ask(WebSocketRecorder page, String text, String type) throws Exception {
        page.send(text);
        return page.nextOfType(type);
    }

    @Test
    void every_bad_command_gets_an_error_frame_and_the_page_keeps_working() throws Exception {
        WebSocketRecorder page = openPage();
        assertEquals("demo-room", page.nextOfType("hello").path("defaultRoom").asText());
        simulator.addRemote("bob", "demo-room");

        Map<String, String> bad = Map.ofEntries(
                Map.entry("not json", "a command must be a JSON object"),
                Map.entry("[1, 2]", "unknown command \"\""),
                Map.entry("{\"cmd\": \"bogus\"}", "unknown command \"bogus\""),
                Map.entry("{\"cmd\": \"talk\"}", "talk needs userId"),
                Map.entry("{\"cmd\": \"talk\", \"userId\": \"ghost\"}", "no Java participant named ghost"),
                Map.entry("{\"cmd\": \"talk\", \"userId\": \"bob\", \"speakingMs\": -1}",
                        "speakingMs must be a number of milliseconds from 100 to 600000"),
                Map.entry("{\"cmd\": \"publish\", \"userId\": \"bob\", \"kind\": \"smell\"}", "unknown kind smell (audio, video, screen)"),
                Map.entry("{\"cmd\": \"addRemote\", \"userId\": \"a b\", \"roomId\": \"r\"}",
                        "user and room ids must be 1-128 characters of A-Z a-z 0-9 _ @ - ."),
                Map.entry("{\"cmd\": \"addRemote\", \"userId\": \"bob\", \"roomId\": \"r\"}", "bob is already a participant here"),
                Map.entry("{\"cmd\": \"token\", \"roomId\": \"r\", \"userId\": 7}", "token needs userId"),
                Map.entry("{\"cmd\": \"callMethod\", \"method\": \"leave\"}", "no mini-program is shown"),
                Map.entry("{\"cmd\": \"relaunch\"}", "relaunching is not offered here"));
        for (Map.Entry<String, String> command : bad.entrySet()) {
            assertEquals(command.getValue(), ask(page, command.getKey(), "error").path("message").asText(), command.getKey());
        }

        JsonNode token = ask(page, "{\"cmd\": \"token\", \"requestId\": 3, \"roomId\": \"r\", \"userId\": \"u\"}", "token");
        assertEquals(3, token.path("requestId").asInt());
        assertTrue(token.path("token").asText().startsWith("001"));
        assertEquals(List.of("bob"), simulator.remotes().stream().map(RemoteParticipant::userId).toList());
    }

    @Test
    void a_page_of_another_origin_cannot_open_the_socket() throws Exception {
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () ->
                HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "http://evil.example")
                        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/sim"), new WebSocket.Listener() { })
                        .get(5, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, String.valueOf(refused.getCause()));
        assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    @Test
    void a_closed_simulator_refuses_participants_and_leaves_no_thread() throws Exception {
        simulator.addRemote("bob", "demo-room");
        simulator.close();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> simulator.addRemote("carol", "demo-room"));
        assertEquals("the simulator is closed", e.getMessage());
        Eventually.await("no simulator or participant thread left behind", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("tt-simulator") || t.getName().equals("tt-engine-bob")));
    }
}
