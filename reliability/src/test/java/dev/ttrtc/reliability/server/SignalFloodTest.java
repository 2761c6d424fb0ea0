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
 * The budget here is the smallest allowed (32 KiB a second, a burst of 64 KiB: one 48 KB relay),
 * so that the refusals do not depend on how fast a busy machine handles the flood: the relays
 * sent would need about 16 s to earn their bytes.
 */
class SignalFloodTest {
    private static final int BUDGET = 32 * 1024;
    private static final int RELAYS = 12;
    private static final String PADDING = "x".repeat(48 * 1024);

    @Test
    void signal_data_past_the_budget_is_refused_to_its_sender_and_its_target_gets_the_rest() throws Exception {
        ServerSettings settings = ServerSettings.defaults().withMaxSignalBytesPerSecond(BUDGET);
        try (RoomServer server = RoomServer.builder().port(0).settings(settings).build().start();
                WebSocketRecorder flooder = HealthyRooms.member(server.signalUri());
                WebSocketRecorder target = HealthyRooms.member(server.signalUri())) {
            flooder.send(new BadFrames().join(DEV, "r", "flooder", HealthyRooms.token(DEV, "r", "flooder")).render());
            flooder.nextJson("joined");
            target.send(new BadFrames().join(DEV, "r", "target", HealthyRooms.token(DEV, "r", "target")).render());
            target.nextJson("joined");
            flooder.nextJson("member-joined");

            // Fewer refusals than the 20 that would disconnect the flooder for too many bad messages.
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
                assertEquals("more than " + BUDGET + " bytes of signal data a second", answer.path("message").asText());
                refused++;
            }
            assertTrue(refused > 0, "every one of " + RELAYS + " relays of 48 KB sent back to back was accepted");
            assertTrue(RELAYS - refused >= 1, "the burst of 64 KiB holds one relay of 48 KB");

            List<Integer> relayed = new ArrayList<>();
            for (int i = 0; i < RELAYS - refused; i++) {
                JsonNode message = target.nextOfType("signal");
                assertEquals("flooder", message.path("from").asText());
                relayed.add(message.path("data").path("n").asInt());
            }
            assertEquals(relayed.stream().sorted().toList(), relayed, "the relays arrived out of order");
            RoomSnapshot room = server.room(DEV, "r").orElseThrow();
            assertTrue(room.members().stream().allMatch(RoomSnapshot.Member::connected), room.toString());
            Figures.record("Server load", "a member relaying 48 KB signal messages back to back at another, with a "
                    + "signal-data budget of 32 KiB a second: what passes it is refused to the sender (40007, " + refused + " of "
                    + RELAYS + "); the target, which reads, stays and gets every relay accepted (`SignalFloodTest`)", RELAYS, 0);
        }
    }
}
