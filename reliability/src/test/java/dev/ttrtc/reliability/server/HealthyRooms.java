package dev.ttrtc.reliability.server;

import static dev.ttrtc.reliability.server.BadFrames.APP_B;
import static dev.ttrtc.reliability.server.BadFrames.APP_B_KEY;
import static dev.ttrtc.reliability.server.BadFrames.CALM;
import static dev.ttrtc.reliability.server.BadFrames.DEV;
import static dev.ttrtc.reliability.server.BadFrames.DEV_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rooms an attack must not touch: "calm" of the development app (alice publishing and
 * speaking, bob capturing, carol sharing her screen, ghost invisible) and "calm" of a second app
 * (dave publishing audio, erin), each member a {@link WebSocketRecorder} that records what it hears.
 */
final class HealthyRooms implements AutoCloseable {
    static final String CAPTURING_AUDIO = "{\"audioCapture\":true,\"videoCapture\":false,\"audioPublished\":false,"
            + "\"videoPublished\":false,\"screenPublished\":false}";
    static final String SHARING_SCREEN = "{\"audioCapture\":false,\"videoCapture\":false,\"audioPublished\":false,"
            + "\"videoPublished\":false,\"screenPublished\":true}";
    static final String PUBLISHING_AUDIO = "{\"audioCapture\":true,\"videoCapture\":false,\"audioPublished\":true,"
            + "\"videoPublished\":false,\"screenPublished\":false}";

    private final RoomServer server;
    private static final String PING = "{\"v\":1,\"type\":\"ping\"}";
    private static final String PONG = "{\"v\":1,\"type\":\"pong\"}";
    private final Map<String, WebSocketRecorder> members = new LinkedHashMap<>();
    private final Map<String, String> states = new LinkedHashMap<>();

    private HealthyRooms(RoomServer server) {
        this.server = server;
    }

    static String token(String appId, String room, String user) {
        return BadFrames.token(appId, appId.equals(DEV) ? DEV_KEY : APP_B_KEY, room, user, System.currentTimeMillis() / 1000, 3600);
    }

    static HealthyRooms open(RoomServer server) throws Exception {
        HealthyRooms rooms = new HealthyRooms(server);
        rooms.member(DEV, "alice", true, BadFrames.PUBLISHING);
        rooms.members.get("alice").send("{\"v\":1,\"type\":\"speaking\",\"speaking\":true}");
        rooms.member(DEV, "bob", true, CAPTURING_AUDIO);
        rooms.member(DEV, "carol", true, SHARING_SCREEN);
        rooms.member(DEV, "ghost", false, BadFrames.STATE);
        rooms.member(APP_B, "dave", true, PUBLISHING_AUDIO);
        rooms.member(APP_B, "erin", true, BadFrames.STATE);
        rooms.barrier();
        return rooms;
    }

    private void member(String appId, String user, boolean visible, String state) throws Exception {
        WebSocketRecorder client = member(server.signalUri());
        members.put(user, client);
        states.put(user, state);
        client.send(new BadFrames().join(appId, CALM, user, token(appId, CALM, user)).with("visible", String.valueOf(visible)).render());
        client.nextJson("joined");
        client.send("{\"v\":1,\"type\":\"update\",\"id\":" + client.id() + ",\"state\":" + state + "}");
        client.nextJson("ack");
    }

    int size() {
        return members.size();
    }

    /** A signalling client that keeps its connection alive as a room member's client does, pongs left out. */
    static WebSocketRecorder member(URI signalUri) {
        return WebSocketRecorder.keptAlive(signalUri, PING, Duration.ofMillis(500), PONG::equals);
    }

    WebSocketRecorder get(String user) {
        return members.get(user);
    }

    /**
     * Sends each member an update that changes nothing, so the server answers with just an ack;
     * returns what each received before that ack (the server handles one connection's messages
     * in order, so nothing it sent earlier can arrive later).
     */
    Map<String, List<JsonNode>> barrier() throws Exception {
        Map<String, List<JsonNode>> before = new TreeMap<>();
        for (Map.Entry<String, WebSocketRecorder> m : members.entrySet()) {
            WebSocketRecorder client = m.getValue();
            int id = client.id();
            client.send("{\"v\":1,\"type\":\"update\",\"id\":" + id + ",\"state\":" + states.get(m.getKey()) + "}");
            List<JsonNode> seen = new ArrayList<>();
            while (true) {
                JsonNode message = client.nextJson();
                if (message.path("type").asText().equals("ack") && message.path("id").asInt() == id) {
                    break;
                }
                if (message.path("type").asText().equals("error")) {
                    // No ack will follow a refused update (rate-limited answers with id 0).
                    throw new AssertionError(m.getKey() + "'s update " + id + " was refused: " + message + "; before it: " + seen);
                }
                seen.add(message);
            }
            before.put(m.getKey(), seen);
        }
        return before;
    }

    /** The members' messages since the last barrier, only those who got any. */
    Map<String, List<JsonNode>> unexpectedMessages() throws Exception {
        Map<String, List<JsonNode>> unexpected = new TreeMap<>();
        barrier().forEach((user, seen) -> {
            if (!seen.isEmpty()) {
                unexpected.put(user, seen);
            }
        });
        return unexpected;
    }

    /** The largest frame any member received, in bytes. */
    int largestFrameBytes() {
        return members.values().stream().mapToInt(WebSocketRecorder::largestFrameBytes).max().orElse(0);
    }

    /** Both rooms as the server sees them, development app first. */
    List<RoomSnapshot> snapshot() {
        return server.rooms().stream().filter(r -> r.roomId().equals(CALM))
                .sorted((a, b) -> a.appId().compareTo(b.appId())).toList();
    }

    /** Both rooms from GET /api/rooms, over a connection that closes after the answer. */
    JsonNode fromTheApi() throws Exception {
        String response;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) WebSocketRecorder.TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET /api/rooms HTTP/1.0\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(response.startsWith("HTTP/1.0 200"), response);
        List<JsonNode> calm = new ArrayList<>();
        WebSocketRecorder.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4)).forEach(room -> {
            if (room.path("roomId").asText().equals(CALM)) {
                calm.add(room);
            }
        });
        calm.sort((a, b) -> a.path("appId").asText().compareTo(b.path("appId").asText()));
        return WebSocketRecorder.JSON.valueToTree(calm);
    }

    /** A visitor joins each room, signals with members both ways, and leaves; everyone hears exactly that. */
    void visitorsStillWork() throws Exception {
        try (WebSocketRecorder frank = member(server.signalUri())) {
            frank.send(new BadFrames().join(DEV, CALM, "frank", token(DEV, CALM, "frank")).render());
            assertEquals(List.of("alice", "bob", "carol", "frank"), userIds(frank.nextJson("joined").path("members")));
            for (String other : List.of("alice", "bob", "carol", "ghost")) {
                assertEquals("frank", members.get(other).nextJson("member-joined").path("member").path("userId").asText(), other);
            }
            frank.send("{\"v\":1,\"type\":\"signal\",\"to\":\"alice\",\"data\":{\"media\":\"probe\",\"n\":1}}");
            JsonNode toAlice = members.get("alice").nextJson("signal");
            assertEquals("frank", toAlice.path("from").asText());
            assertEquals(1, toAlice.path("data").path("n").asInt());
            members.get("alice").send("{\"v\":1,\"type\":\"signal\",\"to\":\"frank\",\"data\":{\"media\":\"probe\",\"n\":2}}");
            members.get("ghost").send("{\"v\":1,\"type\":\"signal\",\"to\":\"frank\",\"data\":{\"media\":\"probe\",\"n\":3}}");
            // Two members' connections race to the server's actor: the order between them is not defined.
            List<String> senders = List.of(frank.nextJson("signal").path("from").asText(), frank.nextJson("signal").path("from").asText());
            assertEquals(List.of("alice", "ghost"), senders.stream().sorted().toList());
            frank.send("{\"v\":1,\"type\":\"leave\",\"id\":" + frank.id() + "}");
            frank.nextJson("ack");
            for (String other : List.of("alice", "bob", "carol", "ghost")) {
                JsonNode left = members.get(other).nextJson("member-left");
                assertEquals("frank", left.path("userId").asText());
                assertEquals("left", left.path("reason").asText());
            }
        }
        try (WebSocketRecorder gina = member(server.signalUri())) {
            gina.send(new BadFrames().join(APP_B, CALM, "gina", token(APP_B, CALM, "gina")).render());
            assertEquals(List.of("dave", "erin", "gina"), userIds(gina.nextJson("joined").path("members")));
            members.get("dave").nextJson("member-joined");
            members.get("erin").nextJson("member-joined");
            members.get("dave").send("{\"v\":1,\"type\":\"signal\",\"to\":\"gina\",\"data\":{\"media\":\"probe\"}}");
            assertEquals("dave", gina.nextJson("signal").path("from").asText());
            gina.send("{\"v\":1,\"type\":\"leave\",\"id\":" + gina.id() + "}");
            gina.nextJson("ack");
            assertEquals("gina", members.get("dave").nextJson("member-left").path("userId").asText());
            assertEquals("gina", members.get("erin").nextJson("member-left").path("userId").asText());
        }
    }

    static List<String> userIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(m -> ids.add(m.path("userId").asText()));
        return ids;
    }

    @Override
    public void close() {
        members.values().forEach(WebSocketRecorder::close);
    }
}
