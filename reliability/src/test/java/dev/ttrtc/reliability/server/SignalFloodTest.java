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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A member that relays signal data at another as fast as its message budget lets it: the server
 * refuses what passes the signal-data budget to the sender (40007), so the flood cannot pile up
 * unread bytes at its target and have a member that reads, only more slowly, dropped as too slow.
 */
class SignalFloodTest {
    private static final int RELAYS = 36;
    private static final String PADDING = "x".repeat(48 * 1024);

    @Test
    void signal_data_past_the_budget_is_refused_to_its_sender_and_its_target_gets_the_rest() throws Exception {
        int budget = ServerSettings.defaults().maxSignalBytesPerSecond();
        try (RoomServer server = RoomServer.builder().port(0).build().start();
                WebSocketRecorder flooder = HealthyRooms.member(server.signalUri());
                WebSocketRecorder target = HealthyRooms.member(server.signalUri())) {
            flooder.send(new BadFrames().join(DEV, "r", "flooder", HealthyRooms.token(DEV, "r", "flooder")).render());
            flooder.nextJson("joined");
            target.send(new BadFrames().join(DEV, "r", "target", HealthyRooms.token(DEV, "r", "target")).render());
            target.nextJson("joined");
            flooder.nextJson("member-joined");

            // 36 relays of 48 KB back to back (1.7 MB) pass the burst of 1 MiB, with fewer refusals than the 20 that
            // would disconnect the flooder for too many bad messages.
            for (int n = 0; n < RELAYS; n++) {
                flooder.send("{\"v\":1,\"type\":\"signal\",\"to\":\"target\",\"data\":{\"media\":\"probe\",\"n\":" + n
                        + ",\"pad\":\"" + PADDING + "\"}}");
            }
            // The server handles one connection's messages in order: the ack comes after every relay's answer.
            flooder.send("{\"v\":1,\"type\":\"update\",\"id\":99,\"state\":" + BadFrames.STATE + "}");
            int refused = 0;
            for (JsonNode answer = flooder.nextJson(); !answer.path("type").asText().equals("ack"); answer = flooder.nextJson()) {
                assertEquals("error", answer.path("type").asText(), answer.toString());
                assertEquals(40007, answer.path("code").asInt(), answer.toString());
                assertEquals("more than " + budget + " bytes of signal data a second", answer.path("message").asText());
                refused++;
            }
            assertTrue(refused > 0, "every one of " + RELAYS + " relays of 48 KB sent back to back was accepted");

            List<Integer> relayed = new ArrayList<>();
            for (int i = 0; i < RELAYS - refused; i++) {
                JsonNode message = target.nextOfType("signal");
                assertEquals("flooder", message.path("from").asText());
                relayed.add(message.path("data").path("n").asInt());
            }
            assertEquals(relayed.stream().sorted().toList(), relayed, "the relays arrived out of order");
            RoomSnapshot room = server.room(DEV, "r").orElseThrow();
            assertTrue(room.members().stream().allMatch(RoomSnapshot.Member::connected), room.toString());
            Figures.record("Server load", "a member relaying 48 KB signal messages back to back at another: what passes "
                    + "512 KiB a second (bursts of 1 MiB) is refused to the sender (40007, " + refused + " of " + RELAYS
                    + "); the target, which reads, stays and gets every relay accepted (`SignalFloodTest`)", RELAYS, 0);
        }
    }
}
