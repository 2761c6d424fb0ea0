package dev.ttrtc.reliability.faults;

import static dev.ttrtc.reliability.faults.FaultKit.await;
import static dev.ttrtc.reliability.faults.FaultKit.awaitRise;
import static dev.ttrtc.reliability.faults.FaultKit.frames;
import static dev.ttrtc.reliability.faults.FaultKit.audioPackets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.reliability.Figures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue "Faults" (c): the network path between two participants breaks under a running call.
 * Bob's signalling runs through a {@link SignalTap}, so every ICE candidate to and from him
 * points at a {@link UdpRelay} port and all his media crosses the relay; the relay then goes down
 * for a while, loses its mappings for good (as a NAT would), or the tap cuts his signalling
 * connection. Each time media must flow again both ways: resumed on the same connections,
 * renegotiated (a receiver whose connection fails asks the publisher again with
 * {@code restart: true}), or re-offered after a silent rejoin.
 */
class PeerConnectionFailureTest {

    interface Fault {
        void inject(UdpRelay relay, SignalTap tap) throws Exception;
    }

    /** alice (direct) and bob (through the tap) publish audio and video to each other; a fault; both hear and see again. */
    static long survives(String what, Fault fault, boolean bobRejoins) throws Exception {
        try (FaultKit kit = new FaultKit(); UdpRelay relay = new UdpRelay(); SignalTap tap = new SignalTap(kit.signalUri(), relay)) {
            RemoteParticipant alice = FaultKit.joinPublishing(kit.participant("r", "alice"));
            RemoteParticipant bob = FaultKit.joinPublishing(kit.participant("r", "bob", tap.signalUri()));
            awaitRise("bob sees alice", () -> frames(bob.remoteMedia("alice")), 5);
            awaitRise("alice sees bob", () -> frames(alice.remoteMedia("bob")), 5);
            long relayed = relay.forwarded();
            await("media runs through the relay", () -> relay.forwarded() > relayed + 100);

            fault.inject(relay, tap);
            long started = System.nanoTime();
            // Failing a connection takes libwebrtc about 16 s of silence; then it is negotiated anew.
            awaitRise(what + ": bob sees alice again", Duration.ofSeconds(60), () -> frames(bob.remoteMedia("alice")), 10);
            awaitRise(what + ": bob hears alice again", () -> audioPackets(bob.remoteMedia("alice")), 50);
            awaitRise(what + ": alice sees bob again", () -> frames(alice.remoteMedia("bob")), 10);
            awaitRise(what + ": alice hears bob again", () -> audioPackets(alice.remoteMedia("bob")), 50);
            long recoveredMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(alice.members().stream().anyMatch(m -> m.userId().value().equals("bob")), "bob stayed in alice's room");
            assertTrue(alice.events().stream().noneMatch(e -> e.name().equals("userLeave")), "alice saw nobody leave: " + alice.events());
            assertEquals(bobRejoins ? 1 : 0, bob.events().stream().filter(e -> e.name().equals("rejoined")).count(), "bob's rejoins");
            return recoveredMillis;
        }
    }

    @Test
    void media_resumes_after_the_path_goes_down_for_a_while_breaks_for_good_or_the_signalling_connection_drops() throws Exception {
        List<String> outcomes = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        record Scenario(String name, boolean rejoins, Fault fault) {
        }
        List<Scenario> scenarios = List.of(
                // Down while 800 datagrams are lost (about 6 s, so ICE reports the link
                // disconnected), then back: the same connections carry on.
                new Scenario("path down for a while", false, (relay, tap) -> {
                    long dropped = relay.dropped();
                    relay.block(true);
                    await("the link lost 800 datagrams", () -> relay.dropped() > dropped + 800);
                    relay.block(false);
                }),
                // Every mapping dead for good: the connections fail, receivers ask again, and the new
                // connections take new paths.
                new Scenario("path broken for good", false, (relay, tap) -> relay.breakExisting()),
                // Bob's signalling connection cut under him: he rejoins silently within the
                // server's grace period, with a new media session.
                new Scenario("signalling connection cut", true, (relay, tap) -> tap.dropConnections()));
        for (Scenario scenario : scenarios) {
            try {
                long millis = survives(scenario.name(), scenario.fault(), scenario.rejoins());
                outcomes.add(scenario.name() + ": media back after " + millis + " ms");
            } catch (AssertionError | Exception e) {
                failures.add(e);
                outcomes.add(scenario.name() + ": FAILED " + e.getMessage());
            }
        }
        outcomes.forEach(o -> System.out.println("Peer connection failure: " + o));
        Figures.record("Faults", "a call's network path down for a while, broken for good, or its signalling cut:"
                + " media renegotiated or resumed both ways", scenarios.size(), failures.size());
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(String.join("; ", outcomes));
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }
}
