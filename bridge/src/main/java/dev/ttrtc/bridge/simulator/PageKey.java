package dev.ttrtc.bridge.simulator;

import dev.ttrtc.bridge.signal.server.LoopbackRequests;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Deque;

/**
 * The secret of one simulator run: the page's address carries it ({@code /?key=…}, printed by
 * tt-host), the page hands it to its socket, and the socket refuses a connection without it. A
 * web page the developer visits cannot learn it, so it cannot open the socket (which mints
 * tokens and drives the host) even through DNS rebinding. The socket also requires a loopback
 * Host and the page's own Origin: a handshake without an Origin is refused too.
 */
final class PageKey {
    static final String PARAMETER = "key";
    private final String secret;

    PageKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String secret() {
        return secret;
    }

    /** The page's address under {@code base} (the server's {@code http://127.0.0.1:port/}). */
    URI pageUri(URI base) {
        return base.resolve("?" + PARAMETER + "=" + secret);
    }

    /** Lets a request through to {@code next} only when it came from a page served with this key. */
    HttpHandler guard(HttpHandler next) {
        return exchange -> {
            String refusal = refusal(exchange);
            if (refusal != null) {
                LoopbackRequests.refuse(exchange, refusal);
                return;
            }
            next.handleRequest(exchange);
        };
    }

    private String refusal(HttpServerExchange exchange) {
        String loopback = LoopbackRequests.refusal(exchange);
        if (loopback != null) {
            return loopback;
        }
        if (exchange.getRequestHeaders().getFirst(Headers.ORIGIN) == null) {
            return "the simulator answers only its own page (no Origin)";
        }
        Deque<String> given = exchange.getQueryParameters().get(PARAMETER);
        if (given == null || given.isEmpty() || !matches(given.getFirst())) {
            return "open the simulator at the address tt-host printed (the key is missing or wrong)";
        }
        return null;
    }

    private boolean matches(String candidate) {
        return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}
