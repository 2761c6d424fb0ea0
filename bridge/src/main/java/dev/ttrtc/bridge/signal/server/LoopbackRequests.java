package dev.ttrtc.bridge.signal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Requests that can only come from this machine's own tools and pages: the Host header must name
 * the loopback address with the port the request arrived on (a DNS-rebound name such as
 * {@code evil.example} is refused), and a browser's cross-site request (a foreign Origin, or
 * {@code Sec-Fetch-Site: cross-site}) is refused. Tools send no Origin and pass.
 */
public final class LoopbackRequests implements HttpHandler {
    private static final HttpString SEC_FETCH_SITE = new HttpString("Sec-Fetch-Site");

    private final HttpHandler next;

    private LoopbackRequests(HttpHandler next) {
        this.next = next;
    }

    public static HttpHandler only(HttpHandler next) {
        return new LoopbackRequests(next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String refusal = refusal(exchange);
        if (refusal != null) {
            refuse(exchange, refusal);
            return;
        }
        next.handleRequest(exchange);
    }

    /** Why the request is refused, or null: Host first, then the browser's own cross-site marks. */
    public static String refusal(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (!isLoopbackHost(host, exchange.getDestinationAddress())) {
            return "this server answers only 127.0.0.1 and localhost";
        }
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null && !origin.equals("http://" + host) && !origin.equals("https://" + host)) {
            return "this server answers only its own pages";
        }
        if ("cross-site".equals(exchange.getRequestHeaders().getFirst(SEC_FETCH_SITE))) {
            return "this server answers only its own pages";
        }
        return null;
    }

    /** {@code 127.0.0.1:port}, {@code localhost:port} or {@code [::1]:port}, with the port the request came to. */
    static boolean isLoopbackHost(String host, InetSocketAddress arrivedAt) {
        if (host == null || arrivedAt == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        int port = arrivedAt.getPort();
        return lower.equals("127.0.0.1:" + port) || lower.equals("localhost:" + port) || lower.equals("[::1]:" + port);
    }

    public static void refuse(HttpServerExchange exchange, String why) {
        exchange.setStatusCode(StatusCodes.FORBIDDEN);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(why);
    }
}
