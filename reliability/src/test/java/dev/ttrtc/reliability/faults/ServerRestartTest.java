package dev.ttrtc.reliability.faults;

import static dev.ttrtc.reliability.faults.FaultKit.await;
import static dev.ttrtc.reliability.faults.FaultKit.awaitEvent;
import static dev.ttrtc.reliability.faults.FaultKit.awaitRise;
import static dev.ttrtc.reliability.faults.FaultKit.audioPackets;
import static dev.ttrtc.reliability.faults.FaultKit.frames;
import static dev.ttrtc.reliability.faults.FaultKit.latestList;
import static dev.ttrtc.reliability.faults.FaultKit.members;
import static dev.ttrtc.reliability.faults.FaultKit.remoteMediaOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.MiniProgram;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue "Faults" (a): the room server is stopped during a call and a new one starts on the same
 * port. The mini-program and the Java participants reconnect and rejoin; the mini-program hears
 * 21134 then 21135 on onRtcStateChanged; member lists end as they were; media flows again.
 */
class ServerRestartTest {
    static final int RESTARTS = 3;
    static final String CHAT = "onRtcChatMembersChanged";
    static final String STATE = "onRtcStateChanged";

    @Test
    void after_each_restart_everyone_rejoins_with_the_same_lists_and_media_flows_again() throws Exception {
        try (FaultKit kit = new FaultKit()) {
            RemoteParticipant bob = FaultKit.joinPublishing(kit.participant("r", "bob"));
            RemoteParticipant carol = FaultKit.joinPublishing(kit.participant("r", "carol"));
            MiniProgram app = kit.launchRtcApp(kit.signalUri(), CHAT, STATE);
            JsonNode capture = FaultKit.call(app, "changeAudioCapture", "{state: 1}");
            assertTrue(capture.path("ok").asBoolean(), capture.toString());
            JsonNode joined = FaultKit.call(app, "joinRtcRoom",
                    "{roomId: 'r', userId: 'alice', token: '" + FaultKit.token("r", "alice", 3600) + "'}");
            assertTrue(joined.path("ok").asBoolean(), joined.toString());
            List<String> everyone = List.of("alice", "bob", "carol");
            await("the mini-program lists everyone", () -> listed(app).equals(everyone));
            awaitRise("the mini-program sees bob", () -> frames(remoteMediaOf(app, "bob")), 5);
            awaitRise("bob hears the mini-program", () -> audioPackets(bob.remoteMedia("alice")), 20);

            List<String> outcomes = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (int restart = 1; restart <= RESTARTS; restart++) {
                try {
                    long seq = app.events().lastSeq();
                    long started = System.nanoTime();
                    kit.restartServer();
                    HostEvent reconnecting = awaitEvent(app, seq, STATE, p -> p.path("errNo").asInt() == 21134);
                    HostEvent reconnected = awaitEvent(app, seq, STATE, p -> p.path("errNo").asInt() == 21135);
                    assertTrue(reconnected.seq() > reconnecting.seq(), "21135 after 21134");
                    assertEquals("reconnecting to the room server", reconnecting.data().path("payload").path("errMsg").asText());
                    assertEquals("r", reconnected.data().path("payload").path("data").path("roomId").asText());
                    int rejoins = restart;
                    await("the new server has everyone", () -> members(kit.server(), "r").equals(everyone));
                    await("the mini-program's list is restored", () -> listed(app).equals(everyone));
                    await("bob and carol rejoined", () -> rejoins(bob) == rejoins && rejoins(carol) == rejoins);
                    await("bob and carol list everyone", () -> sorted(bob).equals(everyone) && sorted(carol).equals(everyone));
                    awaitRise("the mini-program sees bob again", () -> frames(remoteMediaOf(app, "bob")), 5);
                    awaitRise("the mini-program sees carol again", () -> frames(remoteMediaOf(app, "carol")), 5);
                    awaitRise("bob hears the mini-program again", () -> audioPackets(bob.remoteMedia("alice")), 20);
                    awaitRise("carol sees bob again", () -> frames(carol.remoteMedia("bob")), 5);
                    outcomes.add("restart " + restart + ": lists and media back after " + (System.nanoTime() - started) / 1_000_000 + " ms");
                } catch (AssertionError | Exception e) {
                    failures.add(e);
                    outcomes.add("restart " + restart + ": FAILED " + e.getMessage());
                }
            }
            outcomes.forEach(o -> System.out.println("Server restart: " + o));
            Figures.record("Faults", "room server restarted on its port during a call (mini-program and Java participants):"
                    + " 21134 then 21135, lists and media restored", RESTARTS, failures.size());
            if (!failures.isEmpty()) {
                AssertionError error = new AssertionError(String.join("; ", outcomes));
                failures.forEach(error::addSuppressed);
                throw error;
            }
        }
    }

    static List<String> listed(MiniProgram app) {
        try {
            return latestList(app, CHAT);
        } catch (Exception e) {
            return List.of();
        }
    }

    static long rejoins(RemoteParticipant p) {
        return p.events().stream().filter(e -> e.name().equals("rejoined")).count();
    }

    static List<String> sorted(RemoteParticipant p) {
        return p.members().stream().map(m -> m.userId().value()).sorted().toList();
    }
}
