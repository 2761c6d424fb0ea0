package dev.ttrtc.automator.internal;

import dev.ttrtc.runtime.MiniProgram;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.xnio.Pooled;

/**
 * The HTTP side of the endpoint: {@code /} (and {@code /1}) is the first instance, {@code /N}
 * the N-th; each WebSocket connection gets its own {@link Session}.
 *
 * <p>Same-origin rule: the endpoint serves no page, so no browser page is its own; a request with
 * an {@code Origin} header (which browsers always send on WebSocket upgrades) is refused with 403.
 * The client (node's ws) sends none.
 *
 * <p>Threading: connect and receive callbacks run on Undertow's IO threads and only hand frames
 * to the session's thread; closing the channel closes the session.
 */
public final class AutomatorEndpoint implements HttpHandler {
    /** Host rule: the largest frame read (a mock result or setData with a big payload fits). */
    static final long MAX_FRAME_BYTES = 16L * 1024 * 1024;

    private final AutomatorSettings settings;
    /** One WebSocket handler per instance, in path order. */
    private final List<HttpHandler> websockets;

    public AutomatorEndpoint(List<Supplier<MiniProgram>> instances, AutomatorSettings settings) {
        this.settings = settings;
        this.websockets = instances.stream()
                .<HttpHandler>map(target -> Handlers.websocket((exchange, channel) -> connected(channel, target)))
                .toList();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null) {
            refuse(exchange, StatusCodes.FORBIDDEN, "the automator endpoint answers scripts, not web pages (" + origin + ")");
            return;
        }
        int index = index(exchange.getRequestPath());
        if (index < 0) {
            refuse(exchange, StatusCodes.NOT_FOUND, "no mini-program at " + exchange.getRequestPath()
                    + " (this endpoint serves /1 to /" + websockets.size() + ")");
            return;
        }
        websockets.get(index).handleRequest(exchange);
    }

    /** {@code /} and {@code /1} → 0, {@code /N} → N-1; -1 for anything else. */
    private int index(String path) {
        String rest = path.replaceAll("^/+|/+$", "");
        if (rest.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(rest);
            return n >= 1 && n <= websockets.size() ? n - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void refuse(HttpServerExchange exchange, int status, String why) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(why);
    }

    private void connected(WebSocketChannel channel, Supplier<MiniProgram> target) {
        Session session = new Session(target, frame -> WebSockets.sendText(frame, channel, null), settings);
        channel.addCloseTask(ch -> session.close());
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                session.receive(message.getData());
            }

            /** The client sends text; a binary frame is read as UTF-8 text, as the client reads one. */
            @Override
            protected void onFullBinaryMessage(WebSocketChannel ch, BufferedBinaryMessage message) {
                try (Pooled<ByteBuffer[]> data = message.getData()) {
                    StringBuilder text = new StringBuilder();
                    for (ByteBuffer buffer : data.getResource()) {
                        text.append(StandardCharsets.UTF_8.decode(buffer));
                    }
                    session.receive(text.toString());
                }
            }

            @Override
            protected long getMaxTextBufferSize() {
                return MAX_FRAME_BYTES;
            }

            @Override
            protected long getMaxBinaryBufferSize() {
                return MAX_FRAME_BYTES;
            }
        });
        channel.resumeReceives();
    }
}
