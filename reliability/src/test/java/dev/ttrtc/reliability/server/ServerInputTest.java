package dev.ttrtc.reliability.server;

import static dev.ttrtc.reliability.server.BadFrames.APP_B;
import static dev.ttrtc.reliability.server.BadFrames.APP_B_KEY;
import static dev.ttrtc.reliability.server.BadFrames.CALM;
import static dev.ttrtc.reliability.server.BadFrames.DEV;
import static dev.ttrtc.reliability.server.BadFrames.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.bridge.signal.server.ServerSettings;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.reliability.server.BadFrames.Frame;
import dev.ttrtc.reliability.server.BadFrames.Setup;
import dev.ttrtc.testkit.Eventually;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue "Bad input to the server": two healthy rooms of members on one room server, and a
 * generated corpus of bad frames from attacker connections. Every bad frame must earn the
 * documented error frame (or a disconnect); afterwards the healthy rooms, their members' inboxes,
 * new joins and relays, and the server's threads are exactly as before.
 */
class ServerInputTest {
    static final Duration DEADLINE = Duration.ofSeconds(10);
    /** The errors one connection may earn before the server lets it go (ServerSettings.defaults()). */
    static final int TOLERATED_ERRORS = 20;

    RoomServer server;
    HealthyRooms healthy;
    final List<AutoCloseable> closeLater = new ArrayList<>();
    long sent;
    final List<String> failures = new ArrayList<>();
    int attackers;

    @BeforeEach
    void start() {
        server = RoomServer.builder().port(0).app(APP_B, APP_B_KEY).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        if (healthy != null) {
            healthy.close();
        }
        for (AutoCloseable c : closeLater) {
            c.close();
        }
        server.close();
    }

    static String token(String appId, String room, String user) {
        return HealthyRooms.token(appId, room, user);
    }

    // ---- the attack -----------------------------------------------------------------------------------

    void fail(String what) {
        failures.add(what);
    }

    /** Runs the corpus: frames grouped by setup, at most {@link #TOLERATED_ERRORS} per connection. */
    void runCorpus(List<Frame> corpus) throws Exception {
        List<List<Frame>> chunks = new ArrayList<>();
        Map<Setup, List<Frame>> open = new LinkedHashMap<>();
        for (Frame frame : corpus) {
            if (frame.close() != 0) {
                chunks.add(List.of(frame));
                continue;
            }
            List<Frame> chunk = open.computeIfAbsent(frame.setup(), k -> new ArrayList<>());
            chunk.add(frame);
            if (chunk.size() == TOLERATED_ERRORS) {
                chunks.add(open.remove(frame.setup()));
            }
        }
        chunks.addAll(open.values());
        for (List<Frame> chunk : chunks) {
            runChunk(chunk);
        }
    }

    /** One attacker connection, brought to the chunk's setup, sending the chunk's frames one at a time. */
    void runChunk(List<Frame> chunk) throws Exception {
        Setup setup = chunk.get(0).setup();
        int n = attackers++;
        String self = BadFrames.user(n);
        String room = BadFrames.room(n);
        WebSocketRecorder usurper = null;
        try (WebSocketRecorder client = WebSocketRecorder.open(server.signalUri())) {
            if (setup != Setup.FRESH) {
                client.send(new BadFrames().join(DEV, room, self, token(DEV, room, self)).render());
                client.nextJson("joined");
            }
            if (setup == Setup.LEFT) {
                client.send("{\"v\":1,\"type\":\"leave\",\"id\":" + client.id() + "}");
                client.nextJson("ack");
            }
            if (setup == Setup.KICKED) {
                usurper = WebSocketRecorder.open(server.signalUri());
                usurper.send(new BadFrames().join(DEV, room, self, token(DEV, room, self)).render());
                usurper.nextJson("joined");
                assertEquals(21132, client.nextJson("kicked").path("code").asInt());
            }
            for (Frame frame : chunk) {
                if (!answered(client, frame, self)) {
                    break;
                }
            }
            if (setup == Setup.JOINED && !client.isClosed()) {
                client.send("{\"v\":1,\"type\":\"leave\",\"id\":" + client.id() + "}");
            }
        } finally {
            if (usurper != null) {
                usurper.send("{\"v\":1,\"type\":\"leave\",\"id\":" + usurper.id() + "}");
                usurper.close();
            }
        }
    }

    /** Sends one frame and checks the answer; false when the connection is gone. */
    boolean answered(WebSocketRecorder client, Frame frame, String self) throws Exception {
        sent++;
        String text = frame.text().replace("\"$self\"", q(self));
        boolean delivered = switch (frame.shape()) {
            case TEXT -> client.send(text);
            case BINARY -> client.sendBinary(frame.payload());
            case FRAGMENTED -> client.sendFragments(text, text.length() / 4, text.length() / 2, 3 * text.length() / 4);
        };
        if (!delivered && frame.close() == 0) {
            fail(frame + ": could not be sent");
            return false;
        }
        if (frame.error() != 0) {
            Object answer = client.poll(DEADLINE);
            JsonNode error = answer instanceof String s ? WebSocketRecorder.JSON.readTree(s) : null;
            if (error == null || !error.path("type").asText().equals("error") || error.path("code").asInt() != frame.error()) {
                fail(frame + ": expected error " + frame.error() + ", got " + (answer instanceof String s && s.length() > 300
                        ? s.substring(0, 300) : answer));
                return answer instanceof String;
            }
        }
        if (frame.close() != 0) {
            Object end = client.poll(DEADLINE);
            if (!(end instanceof WebSocketRecorder.Closed closed) || closed.code() != frame.close()) {
                fail(frame + ": expected close " + frame.close() + ", got " + end);
            }
            return false;
        }
        return true;
    }

    /** Frames only a hand-made WebSocket sends; each must end its connection with the RFC 6455 code. */
    void runRawFrames() throws Exception {
        byte[] ping = "{\"v\":1,\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
        record Raw(String label, int close, RawAction action) {
        }
        List<Raw> cases = new ArrayList<>();
        int[][] notUtf8 = {{0xC3, 0x28}, {0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xFF}, {0xE2, 0x82}, {0xF4, 0x90, 0x80, 0x80},
            {0xF8, 0x88, 0x80, 0x80, 0x80}};
        for (int[] bytes : notUtf8) {
            byte[] bad = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                bad[i] = (byte) bytes[i];
            }
            byte[] payload = concat("{\"v\":1,\"type\":\"ping\",\"x\":\"".getBytes(StandardCharsets.UTF_8), bad);
            cases.add(new Raw("text frame with invalid UTF-8 " + java.util.HexFormat.of().formatHex(bad), 1007,
                    s -> s.frame(FrameSocket.TEXT, payload)));
        }
        cases.add(new Raw("invalid UTF-8 split across fragments", 1007, s -> {
            s.frame(false, 0, FrameSocket.TEXT, true, 3, new byte[] {'{', '"', (byte) 0xE2});
            s.frame(true, 0, 0, true, 2, new byte[] {0x28, '}'});
        }));
        for (int rsv : new int[] {1, 2, 4}) {
            cases.add(new Raw("reserved bits " + rsv, 1002, s -> s.frame(true, rsv, FrameSocket.TEXT, true, ping.length, ping)));
        }
        for (int opcode : new int[] {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
            cases.add(new Raw("reserved opcode " + opcode, 1002, s -> s.frame(true, 0, opcode, true, ping.length, ping)));
        }
        cases.add(new Raw("unmasked client frame", 1002, s -> s.frame(true, 0, FrameSocket.TEXT, false, ping.length, ping)));
        cases.add(new Raw("ping control frame of 126 bytes", 1002, s -> s.frame(true, 0, FrameSocket.PING, true, 126, new byte[126])));
        cases.add(new Raw("fragmented control frame", 1002, s -> s.frame(false, 0, FrameSocket.PING, true, 0, new byte[0])));
        cases.add(new Raw("continuation without a start", 1002, s -> s.frame(true, 0, 0, true, ping.length, ping)));
        cases.add(new Raw("new text frame inside a fragmented one", 1002, s -> {
            s.frame(false, 0, FrameSocket.TEXT, true, 3, "{\"v".getBytes(StandardCharsets.UTF_8));
            s.frame(true, 0, FrameSocket.TEXT, true, ping.length, ping);
        }));
        cases.add(new Raw("close with code 999", 1002, s -> s.frame(FrameSocket.CLOSE, new byte[] {0x03, (byte) 0xE7})));
        cases.add(new Raw("close with a one-byte body", 1002, s -> s.frame(FrameSocket.CLOSE, new byte[] {0x03})));
        cases.add(new Raw("close with an invalid UTF-8 reason", 1007,
                s -> s.frame(FrameSocket.CLOSE, new byte[] {0x03, (byte) 0xE8, (byte) 0xFF})));
        // A declared length of 2^63-1 or "2^64-1": Undertow gives up on the connection; the second
        // leaves it to the server's silence sweep (2 s), so any end is accepted for these.
        cases.add(new Raw("declared length 2^63-1", 0, s -> s.frame(true, 0, FrameSocket.TEXT, true, Long.MAX_VALUE, ping)));
        cases.add(new Raw("declared length 2^64-1", 0, s -> s.frame(true, 0, FrameSocket.TEXT, true, -1L, ping)));
        for (Raw c : cases) {
            sent++;
            try (FrameSocket socket = new FrameSocket(server.signalUri())) {
                try {
                    c.action().run(socket);
                    socket.frame(FrameSocket.TEXT, ping);
                } catch (IOException closedWhileSending) {
                    // the server may already have hung up
                }
                FrameSocket.Ending end = socket.awaitEnd(DEADLINE);
                if (c.close() != 0 && end.closeCode() != c.close()) {
                    fail("raw frame / " + c.label() + ": expected close " + c.close() + ", got " + end);
                }
            }
        }
    }

    interface RawAction {
        void run(FrameSocket socket) throws IOException;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Floods: a burst beyond the rate limit earns rate-limited errors, and more than 20 bad messages
     * within 10 s a disconnect (1008); exactly 20 are tolerated.
     */
    void runFloods() throws Exception {
        flood("ping flood before join", Setup.FRESH, self -> "{\"v\":1,\"type\":\"ping\"}", 1000, List.of(40007, 40008));
        flood("speaking flood of a member", Setup.JOINED, self -> "{\"v\":1,\"type\":\"speaking\",\"speaking\":true}", 1000,
                List.of(40007, 40008));
        flood("signal flood at a member of another room", Setup.JOINED,
                self -> "{\"v\":1,\"type\":\"signal\",\"to\":\"alice\",\"data\":{\"media\":\"offer\"}}", 1000, List.of(40006, 40007, 40008));
        flood("garbage", Setup.FRESH, self -> "garbage", 25, List.of(40001, 40008));
        flood("update flood of a member", Setup.JOINED,
                self -> "{\"v\":1,\"type\":\"update\",\"id\":1,\"state\":" + BadFrames.STATE + "}", 1000, List.of(40007, 40008));

        // The boundary: 20 bad messages are tolerated, and the connection still works.
        try (WebSocketRecorder client = WebSocketRecorder.open(server.signalUri())) {
            for (int i = 0; i < TOLERATED_ERRORS; i++) {
                sent++;
                client.send("garbage " + i);
                if (client.nextJson().path("code").asInt() != 40001) {
                    fail("garbage " + i + " of " + TOLERATED_ERRORS + " was not refused with 40001");
                }
            }
            client.send("{\"v\":1,\"type\":\"ping\"}");
            if (!client.nextJson().path("type").asText().equals("pong")) {
                fail("after " + TOLERATED_ERRORS + " bad messages the connection no longer answers pings");
            }
        }
    }

    interface Flood {
        String message(String self);
    }

    void flood(String label, Setup setup, Flood message, int count, List<Integer> allowedErrors) throws Exception {
        int n = attackers++;
        String self = BadFrames.user(n);
        try (WebSocketRecorder client = WebSocketRecorder.open(server.signalUri())) {
            if (setup == Setup.JOINED) {
                String room = BadFrames.room(n);
                client.send(new BadFrames().join(DEV, room, self, token(DEV, room, self)).render());
                client.nextJson("joined");
            }
            String text = message.message(self);
            int delivered = 0;
            for (int i = 0; i < count && client.send(text); i++) {
                delivered++;
            }
            sent += delivered;
            int code = client.awaitClose();
            List<Object> answers = client.drain();
            Map<Integer, Integer> errors = new TreeMap<>();
            for (Object answer : answers) {
                if (answer instanceof String s) {
                    JsonNode m = WebSocketRecorder.JSON.readTree(s);
                    if (m.path("type").asText().equals("error")) {
                        errors.merge(m.path("code").asInt(), 1, Integer::sum);
                    }
                }
            }
            if (code != 1008 || !allowedErrors.containsAll(errors.keySet()) || !errors.containsKey(40008)) {
                fail("flood / " + label + ": " + delivered + " sent; closed with " + code + " after errors " + errors);
            }
        }
    }

    /**
     * A member's signal data that grows when re-encoded (1e5 is written 100000.0) must not reach
     * others as a frame larger than clients accept: a real client that got one would drop its
     * connection.
     */
    void runRelayAmplification() throws Exception {
        String room = "lair-relay";
        RemoteParticipant victim = new RemoteParticipant(
                EngineConfig.of(server.signalUri(), AppId.of(DEV), "victim").withMedia(MediaConfig.SIGNALLING_ONLY), room, "victim",
                token(DEV, room, "victim"), RoomConfig.DEFAULT);
        closeLater.add(victim);
        victim.join().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        String longName = "m".repeat(128);
        try (WebSocketRecorder witness = HealthyRooms.member(server.signalUri());
                WebSocketRecorder attacker = WebSocketRecorder.open(server.signalUri())) {
            witness.send(new BadFrames().join(DEV, room, "witness", token(DEV, room, "witness")).render());
            witness.nextJson("joined");
            attacker.send(new BadFrames().join(DEV, room, longName, token(DEV, room, longName)).render());
            attacker.nextJson("joined");
            witness.nextJson("member-joined");
            StringBuilder numbers = new StringBuilder("{\"v\":1,\"type\":\"signal\",\"to\":\"$to\",\"data\":{\"n\":[");
            while (numbers.length() < 65_000) {
                numbers.append("1e5,");
            }
            numbers.append("1]}}");
            for (String to : List.of("witness", "victim")) {
                sent++;
                attacker.send(numbers.toString().replace("$to", to));
                Object answer = attacker.poll(DEADLINE);
                if (!(answer instanceof String s) || WebSocketRecorder.JSON.readTree(s).path("code").asInt() != BadFrames.TOO_LARGE) {
                    fail("relay amplification to " + to + ": expected error 40004, got " + answer);
                    return;
                }
            }
            // A relay that stays within the limit when re-encoded still goes through.
            attacker.send("{\"v\":1,\"type\":\"signal\",\"to\":\"witness\",\"data\":{\"n\":[1e5,2]}}");
            JsonNode relayed = witness.nextJson("signal");
            assertEquals("[100000.0,2]", relayed.path("data").path("n").toString());
            assertTrue(witness.largestFrameBytes() <= 65_536, "the witness got a frame of " + witness.largestFrameBytes() + " bytes");
            attacker.send("{\"v\":1,\"type\":\"leave\",\"id\":1}");
            witness.nextJson("member-left");
            witness.send("{\"v\":1,\"type\":\"leave\",\"id\":1}");
        }
        if (victim.events().stream().anyMatch(e -> e.name().equals("connection"))) {
            fail("relay amplification: the victim lost its connection: " + victim.events());
        }
        victim.leave().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    // ---- after the attack ------------------------------------------------------------------------------

    /** Threads of the room server by name: its actor, and Undertow's IO and accept threads (workers come and go). */
    static Map<String, Integer> serverThreads() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (t.isAlive() && (name.startsWith("tt-room-server") || (name.startsWith("XNIO-") && !name.contains(" task-")))) {
                counts.merge(name.replaceFirst("-\\d+$", ""), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** TCP connections to or from the server's port that are open (not listening, not in TIME_WAIT), both ends counted. */
    long openConnections() {
        String port = String.format(":%04X", server.port());
        long open = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                boolean ours = f[1].endsWith(port) || f[2].endsWith(port);
                if (ours && !f[3].equals("06") && !f[3].equals("0A") && !f[3].equals("07")) {
                    open++;
                }
            }
        }
        return open;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, DEADLINE, condition);
    }

    // ---- the test ---------------------------------------------------------------------------------------

    @Test
    void every_bad_frame_earns_its_error_or_a_disconnect_and_the_healthy_rooms_notice_nothing() throws Exception {
        healthy = HealthyRooms.open(server);
        List<RoomSnapshot> rooms = healthy.snapshot();
        JsonNode roomsFromTheApi = healthy.fromTheApi();
        assertEquals(2, rooms.size());
        assertEquals(List.of("alice", "bob", "carol", "ghost"), rooms.get(0).members().stream().map(RoomSnapshot.Member::userId).toList());
        Map<String, Integer> threads = serverThreads();
        long connections = 2L * healthy.size();
        await("only the members' connections are open (both ends counted)", () -> openConnections() == connections);
        long started = System.nanoTime();

        List<Frame> corpus = BadFrames.all();
        runCorpus(corpus);
        runRawFrames();
        runFloods();
        runRelayAmplification();

        Map<String, List<JsonNode>> heard = healthy.unexpectedMessages();
        Figures.record("Server input", "malformed, oversized, unknown, out-of-order frames; replayed and forged tokens; floods",
                sent, failures.size());
        System.out.printf("Server input: %d bad frames (%d generated) in %.1f s, %d failures%n", sent, corpus.size(),
                (System.nanoTime() - started) / 1e9, failures.size());
        assertEquals(List.of(), failures.stream().limit(30).toList(), failures.size() + " bad frames were not answered as documented");

        // The healthy members heard nothing, got no frame their clients would refuse, and their rooms are unchanged.
        assertEquals(Map.of(), heard, "messages the attack caused in the healthy rooms");
        assertTrue(healthy.largestFrameBytes() <= 65_536, "a member got a frame of " + healthy.largestFrameBytes() + " bytes");
        assertEquals(rooms, healthy.snapshot(), "the healthy rooms as the server sees them");
        assertEquals(roomsFromTheApi, healthy.fromTheApi(), "GET /api/rooms");
        await("the attackers' rooms are gone", () -> server.rooms().stream().allMatch(r -> r.roomId().equals(CALM)));

        healthy.visitorsStillWork();
        assertEquals(rooms, healthy.snapshot(), "the healthy rooms after visitors came and went");
        assertEquals(Map.of(), healthy.unexpectedMessages(), "messages beyond the visitors' in the healthy rooms");

        // The server's threads are the ones it started with, it still answers at once, and every
        // attacker connection is closed on both ends.
        assertEquals(threads, serverThreads(), "room server threads");
        assertEquals(ServerSettings.defaults().roomThreads(), serverThreads().get("tt-room-server"));
        assertEquals(1, serverThreads().get("tt-room-server-timers"));
        CompletableFuture.supplyAsync(server::rooms).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        for (AutoCloseable c : closeLater) {
            c.close();
        }
        closeLater.clear();
        await("every attacker connection closed on both ends", () -> openConnections() == connections);
    }
}
