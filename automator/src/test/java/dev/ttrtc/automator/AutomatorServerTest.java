package dev.ttrtc.automator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The endpoint on a real socket: 127.0.0.1, the same-origin rule, paths per instance, text and binary frames. */
class AutomatorServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void serves_two_instances_by_path_and_refuses_web_pages() throws Exception {
        try (MiniProgramHost host = MiniProgramHost.create()) {
            MiniProgram lobby = host.launch(LaunchOptions.builder(Path.of("..", "sample-miniapp")).build());
            MiniProgram room = host.launch(LaunchOptions.builder(Path.of("..", "sample-miniapp")).page("pages/room/room").build());
            try (AutomatorServer server = AutomatorServer.start(0, lobby, room)) {
                assertEquals("ws://127.0.0.1:" + server.port(), server.uri().toString());
                URI http = URI.create("http://127.0.0.1:" + server.port() + "/");

                HttpResponse<String> fromPage = HTTP.send(HttpRequest.newBuilder(http).header("Origin", "http://evil.example").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(403, fromPage.statusCode());
                assertEquals("the automator endpoint answers scripts, not web pages (http://evil.example)", fromPage.body());
                HttpResponse<String> nowhere = HTTP.send(HttpRequest.newBuilder(http.resolve("/3")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, nowhere.statusCode());
                assertEquals("no mini-program at /3 (this endpoint serves /1 to /2)", nowhere.body());
                CompletionException refused = assertThrows(CompletionException.class, () -> HTTP.newWebSocketBuilder()
                        .header("Origin", "http://evil.example").buildAsync(server.uri(), new WebSocket.Listener() { }).join());
                assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

                assertEquals("pages/index/index", currentPath(server.uri(), false));
                assertEquals("pages/room/room", currentPath(server.uri(1), false));
                assertEquals("pages/index/index", currentPath(server.uri(0), true), "a binary frame is read as text");
            }
        }
    }

    /** Opens a socket, asks App.getCurrentPage (as a text or a binary frame), answers the path. */
    private static String currentPath(URI uri, boolean binary) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        StringBuilder partial = new StringBuilder();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).join();
        try {
            String request = "{\"id\":\"1\",\"method\":\"App.getCurrentPage\",\"params\":{}}";
            if (binary) {
                socket.sendBinary(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)), true).join();
            } else {
                socket.sendText(request, true).join();
            }
            String reply = frames.poll(30, TimeUnit.SECONDS);
            JsonNode parsed = JSON.readTree(reply);
            assertEquals("1", parsed.path("id").asText(), reply);
            return parsed.path("result").path("path").asText();
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }
}
