package dev.ttrtc.reliability.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.reliability.Figures;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 1 (its last sentence): {@code /signal} accepted any Origin, so any web page a
 * developer visited could fill rooms. Now a handshake with an Origin passes only for pages of
 * this machine's loopback names (and origins the embedder allows); one without an Origin (the
 * engine's JDK client, native clients) passes. Host headers do not matter: a DNS-rebinding page
 * controls its Host but not its Origin.
 */
class OriginTest {
    record Attempt(String origin, String host, int expected) {
    }

    @Test
    void only_local_pages_and_clients_without_an_origin_may_open_a_signalling_connection() throws Exception {
        try (RoomServer server = RoomServer.builder().port(0).allowOrigin("https://devtools.example.com").build().start()) {
            String self = "127.0.0.1:" + server.port();
            List<Attempt> attempts = new ArrayList<>();
            for (String ok : List.of("http://" + self, "http://localhost:" + server.port(), "http://127.0.0.1:5173",
                    "http://localhost", "https://localhost:8443", "http://[::1]:" + server.port(), "HTTP://LOCALHOST:3000",
                    "https://devtools.example.com")) {
                attempts.add(new Attempt(ok, self, 101));
            }
            attempts.add(new Attempt(null, self, 101));
            for (String bad : List.of("https://evil.example.com", "http://evil.example.com:" + server.port(),
                    "http://127.0.0.1.evil.example.com", "http://localhost.evil.example.com", "http://127.0.0.2:" + server.port(),
                    "http://127.0.0.1@evil.example.com", "http://0.0.0.0:" + server.port(), "http://[::ffff:127.0.0.1]",
                    "null", "file://", "chrome-extension://abcdefghijklmnop", "ws://127.0.0.1:" + server.port(),
                    "http://127.0.0.1:" + server.port() + "/path", "https://devtools.example.com.evil.example.com",
                    "", " ", "http://")) {
                attempts.add(new Attempt(bad, self, 403));
                // DNS rebinding: the page's own name resolves to 127.0.0.1, so its Host matches its Origin.
                String host = bad.replaceFirst("^[a-zA-Z-]+://", "");
                if (!host.isBlank() && !host.contains("/")) {
                    attempts.add(new Attempt(bad, host, 403));
                }
            }
            List<String> wrong = new ArrayList<>();
            for (Attempt a : attempts) {
                int status = handshake(server.port(), a.origin(), a.host());
                if (status != a.expected()) {
                    wrong.add(a + " answered " + status);
                }
            }
            Figures.record("Server input", "WebSocket handshakes from browser origins other than this machine's loopback "
                    + "names (including DNS-rebinding Host headers) refused with 403; local pages, allowed origins and clients "
                    + "without an Origin admitted (`OriginTest`)", attempts.size(), wrong.size());
            assertEquals(List.of(), wrong);
        }
    }

    static int handshake(int port, String origin, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String request = "GET /signal HTTP/1.1\r\nHost: " + host + "\r\n"
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
}
