package dev.ttrtc.bench.reference;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The Chromium reference pair's page, mounted on the room server under {@code /bench} (so the
 * page, its WebSocket to {@code /signal} and its media are all on 127.0.0.1, one origin): the
 * bench's {@code pair.html} and {@code pair.js}, and the simulator page's own browser participant
 * ({@code participant.js}, class {@code BrowserParticipant}) straight from the bridge's class path,
 * so the browser joins exactly as the simulator page's "Join from this browser" does.
 */
final class BenchPage implements HttpHandler {
    static final String PATH = "/bench";
    static final String PAGE = PATH + "/pair.html";

    /** Request path (relative to the mount) → class-path resource and content type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/pair.html", new String[] {"dev/ttrtc/bench/reference/pair.html", "text/html; charset=utf-8"},
            "/pair.js", new String[] {"dev/ttrtc/bench/reference/pair.js", "text/javascript; charset=utf-8"},
            "/participant.js", new String[] {"dev/ttrtc/bridge/simulator/web/participant.js", "text/javascript; charset=utf-8"});

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
        // Reading a class-path resource blocks: never on an IO thread.
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        String[] file = FILES.get(exchange.getRelativePath());
        byte[] body = null;
        if (file != null) {
            try (InputStream in = BenchPage.class.getClassLoader().getResourceAsStream(file[0])) {
                body = in == null ? null : in.readAllBytes();
            }
        }
        if (body == null) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            exchange.getResponseSender().send("not found");
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, file[1]);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
