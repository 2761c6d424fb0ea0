package dev.ttrtc.bridge.signal.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** {@code GET /api/rooms}: every room and its members as JSON, for tools and the simulator. */
final class RoomsApi implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignalService service;

    RoomsApi(SignalService service) {
        this.service = service;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(JSON.writeValueAsString(service.snapshot().join()));
    }
}
