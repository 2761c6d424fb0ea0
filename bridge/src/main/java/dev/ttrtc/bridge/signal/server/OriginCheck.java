package dev.ttrtc.bridge.signal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Lets a WebSocket handshake through only from clients that are not web pages, or from pages
 * this machine serves. Browsers always send {@code Origin}; the engine's JDK client and other
 * native clients send none and pass. A page's origin passes when its host is a loopback name
 * (127.0.0.1, localhost, [::1]: the simulator, or any local tool, which could connect without a
 * browser anyway) or the embedder allowed it; any other page a developer happens to visit is
 * refused with 403, so it cannot drive the rooms. Host headers are not trusted: DNS rebinding
 * controls them, but not the Origin a browser sends.
 */
final class OriginCheck implements HttpHandler {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final Set<String> allowed;
    private final HttpHandler next;

    /** @param allowed extra origins, as {@code scheme://host[:port]} in lower case */
    OriginCheck(Set<String> allowed, HttpHandler next) {
        this.allowed = Set.copyOf(allowed);
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin == null || isKnown(origin)) {
            next.handleRequest(exchange);
            return;
        }
        exchange.setStatusCode(StatusCodes.FORBIDDEN);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
        exchange.getResponseSender().send("this room server accepts pages of 127.0.0.1 and localhost only\n");
    }

    boolean isKnown(String origin) {
        String normal = origin.trim().toLowerCase(Locale.ROOT);
        if (allowed.contains(normal)) {
            return true;
        }
        try {
            URI uri = new URI(normal);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            return ("http".equals(scheme) || "https".equals(scheme)) && host != null && LOOPBACK.contains(host)
                    && uri.getRawPath() != null && uri.getRawPath().isEmpty() && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
