package dev.ttrtc.reliability.server;

import static dev.ttrtc.reliability.server.BadFrames.DEV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.bridge.signal.server.ServerSettings;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 1's back-pressure part: the server buffered without bound for a client that
 * does not read. Now each connection's unread frames are bounded ({@code maxQueuedBytes}); a
 * member that stops reading while another relays to it at full rate is dropped, and the members
 * that read get everything meant for them.
 */
class SlowReaderTest {
    static final String PING = "{\"v\":1,\"type\":\"ping\"}";
    static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void a_member_that_stops_reading_is_dropped_and_the_readers_get_everything() throws Exception {
        // The sender's signal-data budget would refuse its flood long before 1 MiB waits (SignalFloodTest); here the
        // flood must reach the member that does not read.
        ServerSettings unbudgeted = ServerSettings.defaults().withMaxSignalBytesPerSecond(64 << 20);
        try (RoomServer server = RoomServer.builder().port(0).settings(unbudgeted).build().start();
                WebSocketRecorder sender = HealthyRooms.member(server.signalUri());
                WebSocketRecorder reader = HealthyRooms.member(server.signalUri());
                FrameSocket slow = new FrameSocket(server.signalUri())) {
            sender.send(new BadFrames().join(DEV, "r", "sender", HealthyRooms.token(DEV, "r", "sender")).render());
            sender.nextJson("joined");
            reader.send(new BadFrames().join(DEV, "r", "reader", HealthyRooms.token(DEV, "r", "reader")).render());
            reader.nextJson("joined");
            slow.text(new BadFrames().join(DEV, "r", "slow", HealthyRooms.token(DEV, "r", "slow")).render());
            sender.nextJson("member-joined");
            sender.nextJson("member-joined");
            reader.nextJson("member-joined");

            String padding = "x".repeat(48 * 1024);
            long sent = 0;
            long toReader = 0;
            long end = System.nanoTime() + DEADLINE.toNanos();
            long nextPing = 0;
            boolean dropped = false;
            while (!dropped && System.nanoTime() < end) {
                // The slow member keeps its connection alive but reads nothing.
                if (System.nanoTime() > nextPing) {
                    slow.text(PING);
                    nextPing = System.nanoTime() + Duration.ofMillis(400).toNanos();
                }
                for (int i = 0; i < 10; i++) {
                    String to = i == 0 ? "reader" : "slow";
                    sender.send("{\"v\":1,\"type\":\"signal\",\"to\":\"" + to + "\",\"data\":{\"media\":\"probe\",\"n\":"
                            + sent + ",\"pad\":\"" + padding + "\"}}");
                    sent++;
                    toReader += i == 0 ? 1 : 0;
                }
                LockSupport.parkNanos(Duration.ofMillis(60).toNanos());
                // The sender learns it at once from 40006 answers; it stops then, or it would earn a
                // disconnect of its own for too many bad messages.
                Object answer = sender.poll(Duration.ZERO);
                dropped = answer instanceof String text && text.contains("\"code\":40006");
            }
            assertTrue(dropped, "the slow member was not dropped after " + sent + " relays");
            long received = 0;
            for (long i = 0; i < toReader; i++) {
                JsonNode relayed = reader.nextOfType("signal");
                assertEquals("sender", relayed.path("from").asText());
                received++;
            }
            // The sender was never refused but for relays sent after the slow member was gone (40006): the
            // server dropped the reader that lagged, not the talker.
            assertEquals(List.of(), sender.drain().stream()
                    .filter(f -> !(f instanceof String s && s.contains("\"code\":40006"))).toList());
            // The slow member's own keep-alive pings are answered too; a pong may come last.
            List<String> slowHeard = slow.awaitEnd(Duration.ofSeconds(30)).texts().stream()
                    .filter(text -> !text.contains("\"type\":\"pong\"")).toList();
            String last = slowHeard.isEmpty() ? "" : slowHeard.get(slowHeard.size() - 1);
            assertTrue(last.isEmpty() || last.contains("\"signal\"") || last.contains("\"code\":40010"), last);
            RoomSnapshot room = server.room(DEV, "r").orElseThrow();
            assertTrue(room.members().stream().filter(m -> !m.userId().equals("slow")).allMatch(RoomSnapshot.Member::connected));
            Figures.record("Server load", "a member that stops reading while another relays 48 KB messages to it at full rate: "
                    + "dropped once 1 MiB waits for it (40010), the member that reads got all " + toReader
                    + " relays meant for it (`SlowReaderTest`)", sent, toReader - received);
        }
    }
}
