package dev.ttrtc.bridge.simulator;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/**
 * Refuses requests that a page of another origin makes: the simulator's socket mints tokens and
 * drives the host, so a web page open in the developer's browser must not reach it. Requests
 * without an Origin header (tools, tests) pass.
 */
final class SameOriginOnly implements HttpHandler {
    private final HttpHandler next;

    SameOriginOnly(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (origin != null && !origin.equals("http://" + host) && !origin.equals("https://" + host)) {
            exchange.setStatusCode(StatusCodes.FORBIDDEN);
            exchange.getResponseSender().send("the simulator answers only its own page, not " + origin);
            return;
        }
        next.handleRequest(exchange);
    }
}
