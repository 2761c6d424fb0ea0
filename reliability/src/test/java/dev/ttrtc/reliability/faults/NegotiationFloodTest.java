package dev.ttrtc.reliability.faults;

import static dev.ttrtc.reliability.faults.FaultKit.DEADLINE;
import static dev.ttrtc.reliability.faults.FaultKit.awaitRise;
import static dev.ttrtc.reliability.faults.FaultKit.frames;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.PeerConnectionStats;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.bridge.signal.client.SignalConnection;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.reliability.Figures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 (3): one member tries to exhaust another's native memory by relaying {@code subscribe}
 * (and {@code offer}) with a fresh session id again and again, each of which used to make the
 * victim create a native peer connection that webrtc-java never frees. The victim's engine must
 * create at most the gate's burst plus one connection per refill period per direction, keep its
 * open connections under the cap, and still serve an honest member afterwards.
 */
class NegotiationFloodTest {
    /** Relays per kind of attack message; paced under the server's 200 messages a second. */
    private static final int RELAYS = 300;
    /** The gate's figures (media.NegotiationGate): 4 at once, then one per 2 s, per member and direction. */
    private static final int MEMBER_BURST = 4;
    private static final long MEMBER_REFILL_MILLIS = 2000;

    /** The attacker's ears: it learns the victim's media session id from the victim's own subscribe. */
    private static final class Listener implements SignalConnection.Listener {
        volatile String victimSid;

        @Override
        public void onMessage(SignalConnection connection, ServerMessage message) {
            if (message instanceof ServerMessage.Relayed relayed && relayed.data().path("media").asText().equals("subscribe")) {
                victimSid = relayed.data().path("sid").asText();
            }
        }

        @Override
        public void onLost(SignalConnection connection, String reason) {
            System.out.println("Negotiation flood: the attacker's connection ended: " + reason);
        }
    }

    @Test
    void fresh_session_ids_in_a_loop_create_a_bounded_number_of_peer_connections() throws Exception {
        try (FaultKit kit = new FaultKit()) {
            RemoteParticipant victim = FaultKit.joinPublishing(kit.participant("r", "victim"));
            PeerConnectionStats before = victim.engine().peerConnections();
            long rssBefore = rssKb();
            Listener ears = new Listener();
            SignalConnection attacker = SignalConnection.open(kit.signalUri(), ears, Duration.ofSeconds(5))
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            try {
                attacker.request(id -> new ClientMessage.Join(id, FaultKit.APP_ID, "r", "mallory",
                        FaultKit.token("r", "mallory", 3600), true, MediaState.NONE, null)).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                FaultKit.await("the victim asks mallory for its streams", () -> ears.victimSid != null);
                long started = System.nanoTime();
                for (int i = 0; i < RELAYS; i++) {
                    attacker.send(new ClientMessage.Relay("victim", subscribe()));
                    attacker.send(new ClientMessage.Relay("victim", offer(ears.victimSid)));
                    Thread.sleep(10);
                }
                long attackMillis = (System.nanoTime() - started) / 1_000_000;
                PeerConnectionStats after = victim.engine().peerConnections();
                long created = after.created() - before.created();
                // Per direction: the burst, then one per refill period, plus one held back and run as the attack ends.
                long allowed = 2 * (MEMBER_BURST + attackMillis / MEMBER_REFILL_MILLIS + 2);
                long rssAfter = rssKb();
                System.out.printf("Negotiation flood: %d relays in %d ms; victim created %d peer connections (allowed %d),"
                        + " %d open (cap %d), %d negotiations held back; RSS %d -> %d MB%n", 2 * RELAYS, attackMillis,
                        created, allowed, after.open(), after.cap(), after.deferred() - before.deferred(),
                        rssBefore / 1024, rssAfter / 1024);
                boolean bounded = created <= allowed && after.open() <= after.cap();

                // The victim still serves an honest member.
                RemoteParticipant carol = kit.participant("r", "carol");
                carol.join().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                awaitRise("carol sees the victim", () -> frames(carol.remoteMedia("victim")), 5);
                Figures.record("Faults", "subscribe/offer relays with a fresh session id in a loop at one member:"
                        + " native peer connections it creates stay bounded", 2L * RELAYS, bounded ? 0 : 1);
                assertTrue(bounded, "created " + created + " peer connections for " + (2 * RELAYS)
                        + " relays (allowed " + allowed + "), open " + after.open());
            } finally {
                attacker.close();
            }
        }
    }

    private static ObjectNode subscribe() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("media", "subscribe");
        data.put("sid", UUID.randomUUID().toString());
        data.put("audio", true);
        data.put("video", true);
        data.put("screen", false);
        data.put("restart", false);
        return data;
    }

    /** An offer to the victim's session from a fresh one: each used to cost a new receive connection. */
    private static ObjectNode offer(String victimSid) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("media", "offer");
        data.put("sid", UUID.randomUUID().toString());
        data.put("to", victimSid);
        data.put("sdp", "v=0\r\n");
        return data;
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
