package dev.ttrtc.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.TokenVerifier;
import dev.ttrtc.bridge.signal.server.RoomServer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded server's development token endpoint, over real HTTP. */
class DevTokenEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private RoomServer server;

    @BeforeEach
    void start() {
        server = RoomServer.builder().port(0).build().start();
        server.mount(DevTokenEndpoint.PATH, new DevTokenEndpoint(DevelopmentApp.APP_ID, DevelopmentApp.APP_KEY));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI endpoint(String query) {
        return server.httpUri().resolve(DevTokenEndpoint.PATH.substring(1) + query);
    }

    @Test
    void a_get_or_a_json_post_naming_room_and_user_gets_a_token_the_server_accepts() throws Exception {
        HttpResponse<String> got = http.send(HttpRequest.newBuilder(endpoint("?roomId=call_42&userId=alice")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, got.statusCode(), got.body());
        JsonNode body = JSON.readTree(got.body());
        assertEquals("call_42", body.path("roomId").asText());
        new TokenVerifier(Map.of(DevelopmentApp.APP_ID, DevelopmentApp.APP_KEY)).verify(body.path("token").asText(),
                DevelopmentApp.APP_ID, "call_42", "alice", System.currentTimeMillis() / 1000);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(endpoint(""))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"room\": \"r2\", \"uid\": 7}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        assertEquals("7", JSON.readTree(posted.body()).path("userId").asText());
    }

    @Test
    void missing_or_bad_names_are_400_with_a_reason() throws Exception {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(endpoint("?roomId=r")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, missing.statusCode());
        assertEquals("{\"error\":\"name the room (roomId) and the user (userId)\"}", missing.body());
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(endpoint("?roomId=a%20b&userId=u")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
    }

    @Test
    void a_browser_origin_or_a_foreign_host_name_is_refused() throws Exception {
        HttpResponse<String> fromPage = http.send(HttpRequest.newBuilder(endpoint("?roomId=r&userId=u"))
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, fromPage.statusCode());
        // DNS rebinding: the request reaches 127.0.0.1 but names another host.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + DevTokenEndpoint.PATH + "?roomId=r&userId=u HTTP/1.1\r\nHost: evil.example:"
                    + server.port() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 403"), reply);
            assertTrue(!reply.contains("\"token\""), reply);
        }
    }
}
