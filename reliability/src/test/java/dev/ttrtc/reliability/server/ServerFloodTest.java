package dev.ttrtc.reliability.server;

import static dev.ttrtc.reliability.server.BadFrames.APP_B;
import static dev.ttrtc.reliability.server.BadFrames.APP_B_KEY;
import static dev.ttrtc.reliability.server.BadFrames.DEV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.bridge.signal.server.ServerSettings;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.testkit.Eventually;
import dev.ttrtc.testkit.SignalStorm;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 1: 2,000 invisible members plus one member toggling {@code speaking} 190
 * times a second (under the rate limit) stalled every room of the old server. Now the room takes
 * its cap of invisible members and refuses the rest, the address its cap of connections, the
 * toggler's broadcasts are encoded once and queued per reader, and the rooms' work is shared
 * fairly: the healthy rooms of {@link HealthyRooms} answer every request throughout and hear
 * nothing of the storm.
 */
class ServerFloodTest {
    static final int INVISIBLE = 2000;
    static final int TOGGLES_PER_SECOND = 190;
    static final Duration TOGGLING = Duration.ofSeconds(6);
    /** Each healthy member sends an update and waits for its ack this often, as a busy client would. */
    static final Duration BARRIER_EVERY = Duration.ofMillis(20);

    @Test
    void two_thousand_invisible_members_and_a_speaking_toggler_do_not_stall_other_rooms() throws Exception {
        ServerSettings settings = ServerSettings.defaults();
        try (RoomServer server = RoomServer.builder().port(0).app(APP_B, APP_B_KEY).settings(settings).build().start();
                HealthyRooms healthy = HealthyRooms.open(server);
                SignalStorm storm = new SignalStorm(server.signalUri(), DEV, "storm", (room, user) -> HealthyRooms.token(DEV, room, user))) {
            List<RoomSnapshot> before = healthy.snapshot();
            storm.joinToggler();
            SignalStorm.Outcome outcome = storm.fill(INVISIBLE);

            // The room admits exactly its cap; the address its cap of connections; every other join is refused.
            assertEquals(INVISIBLE, outcome.total(), outcome.toString());
            assertEquals(settings.maxInvisibleMembers(), outcome.count("joined"), outcome.toString());
            int connections = healthy.size() + 1 + outcome.count("joined") + outcome.count("error 21102");
            assertEquals(settings.maxConnectionsPerAddress(), connections, outcome.toString());
            assertEquals(INVISIBLE - connections + healthy.size() + 1, outcome.count("error 40009"), outcome.toString());

            // On a thread of its own: the common pool has a single worker on 2 cores, and the toggler would hold it.
            CompletableFuture<Long> toggling = new CompletableFuture<>();
            Thread toggler = new Thread(() -> toggling.complete(storm.toggle(TOGGLES_PER_SECOND, TOGGLING)), "toggler");
            toggler.start();
            long roundTrips = 0;
            long failures = 0;
            long round = System.nanoTime();
            while (!toggling.isDone()) {
                // At a member's pace, not flat out: the rate limit (200 a second) would refuse the updates.
                // After a stall, start the pace again rather than catch up in a burst.
                round = Math.max(round + BARRIER_EVERY.toNanos(), System.nanoTime());
                LockSupport.parkNanos(round - System.nanoTime());
                Map<String, List<JsonNode>> heard = healthy.barrier();
                roundTrips += healthy.size();
                failures += heard.values().stream().mapToLong(List::size).sum();
            }
            long toggles = toggling.join();
            assertTrue(toggles >= TOGGLES_PER_SECOND, "the toggler toggled " + toggles + " times");
            assertEquals(0, failures, "healthy members heard something of the storm");
            assertEquals(before, healthy.snapshot());
            assertEquals(Map.of(), healthy.unexpectedMessages());

            storm.close();
            // The server lets go of the aborted connections as their sockets report closed, not at once.
            Eventually.await("the server admits new connections after the storm", () -> admitsANewConnection(server));
            healthy.visitorsStillWork();
            Figures.record("Server load", "2,000 invisible members joining one room (" + outcome.count("joined")
                    + " admitted, the rest refused: room cap 21102, address cap 40009) and a member toggling speaking "
                    + TOGGLES_PER_SECOND + "/s (" + toggles + " toggles) next to two healthy rooms: " + roundTrips
                    + " requests of healthy members all answered, nothing of the storm heard (`ServerFloodTest`)",
                    INVISIBLE + toggles + roundTrips, failures);
        }
    }

    /** A fresh connection answers a ping with a pong, not with the per-address cap's 40009. */
    private static boolean admitsANewConnection(RoomServer server) {
        try (WebSocketRecorder probe = WebSocketRecorder.open(server.signalUri())) {
            probe.send("{\"v\":1,\"type\":\"ping\"}");
            return probe.nextText().equals("{\"v\":1,\"type\":\"pong\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception | AssertionError refused) {
            return false;
        }
    }
}
