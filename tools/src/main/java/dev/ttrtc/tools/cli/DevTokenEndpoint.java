package dev.ttrtc.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.Ids;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a project's own app server does for it, on the embedded room server: answers
 * {@code GET /dev-token?roomId=R&userId=U} (or a POST with those fields as JSON or a form) with a
 * token of the run's app, {@code {"token", "appId", "roomId", "userId", "expireAt"}}. A project
 * that computes its room name and fetches its token reaches it through {@code --token-url}.
 *
 * <p>It mints only for clients on this machine that name it by a loopback address: a request
 * whose {@code Host} is not 127.0.0.1 or localhost (DNS rebinding) or that carries a browser's
 * {@code Origin} is refused, and no CORS header lets a web page read an answer.
 */
final class DevTokenEndpoint implements HttpHandler {
    static final String PATH = "/dev-token";
    private static final long LIFETIME_SECONDS = 24 * 3600;
    private static final int MAX_BODY = 64 * 1024;
    private static final List<String> ROOM_NAMES = List.of("roomId", "room", "room_id", "channel");
    private static final List<String> USER_NAMES = List.of("userId", "user", "uid", "user_id");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String appId;
    private final String appKey;

    DevTokenEndpoint(String appId, String appKey) {
        this.appId = appId;
        this.appKey = appKey;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!fromThisMachine(exchange)) {
            answer(exchange, StatusCodes.FORBIDDEN, error("tokens are minted only for clients on 127.0.0.1 without a browser Origin"));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        exchange.getQueryParameters().forEach((k, v) -> fields.put(k, v.isEmpty() ? "" : v.getFirst()));
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            answer(exchange, fields);
            return;
        }
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            if (body.length > MAX_BODY) {
                answer(ex, StatusCodes.REQUEST_ENTITY_TOO_LARGE, error("the request body is over 64 KiB"));
                return;
            }
            fields.putAll(bodyFields(ex, new String(body, StandardCharsets.UTF_8)));
            answer(ex, fields);
        });
    }

    private void answer(HttpServerExchange exchange, Map<String, String> fields) {
        String room = first(fields, ROOM_NAMES);
        String user = first(fields, USER_NAMES);
        if (room == null || user == null) {
            answer(exchange, StatusCodes.BAD_REQUEST, error("name the room (roomId) and the user (userId)"));
            return;
        }
        if (!Ids.isValid(room) || !Ids.isValid(user)) {
            answer(exchange, StatusCodes.BAD_REQUEST, error("roomId and userId must be " + RtcError.ID_RULE));
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        ObjectNode reply = JSON.createObjectNode()
                .put("token", AccessToken.issue(appId, room, user, now, LIFETIME_SECONDS, true).serialize(appKey))
                .put("appId", appId)
                .put("roomId", room)
                .put("userId", user)
                .put("expireAt", now + LIFETIME_SECONDS);
        answer(exchange, StatusCodes.OK, reply);
    }

    private static boolean fromThisMachine(HttpServerExchange exchange) {
        if (exchange.getRequestHeaders().contains(Headers.ORIGIN)) {
            return false;
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        return name.equals("127.0.0.1") || name.equals("localhost");
    }

    /** A JSON object's string and number fields, or a form's fields. */
    private static Map<String, String> bodyFields(HttpServerExchange exchange, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String type = String.valueOf(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
        if (type.startsWith("application/x-www-form-urlencoded")) {
            fields.putAll(LaunchQuery.parse(body.replace('+', ' ')));
            return fields;
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual() || e.getValue().isNumber()) {
                        fields.put(e.getKey(), e.getValue().asText());
                    }
                });
            }
        } catch (Exception notJson) {
            // Not JSON: the query alone names the room and user.
        }
        return fields;
    }

    private static String first(Map<String, String> fields, List<String> names) {
        for (String name : names) {
            String value = fields.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void answer(HttpServerExchange exchange, int status, ObjectNode body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(body.toString(), StandardCharsets.UTF_8);
    }
}
