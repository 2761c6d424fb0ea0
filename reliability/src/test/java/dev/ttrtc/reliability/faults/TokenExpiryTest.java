package dev.ttrtc.reliability.faults;

import static dev.ttrtc.reliability.faults.FaultKit.await;
import static dev.ttrtc.reliability.faults.FaultKit.awaitEvent;
import static dev.ttrtc.reliability.faults.FaultKit.awaitRise;
import static dev.ttrtc.reliability.faults.FaultKit.audioPackets;
import static dev.ttrtc.reliability.faults.FaultKit.latestList;
import static dev.ttrtc.reliability.faults.FaultKit.members;
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
 * Issue "Faults" (d): the mini-program's token expires mid-call. It hears onRtcChatInterrupted
 * and onRtcStateChanged 21108, the others see it leave (kicked) and stop receiving it, and a join
 * with a fresh token works again.
 */
class TokenExpiryTest {
    static final int EXPIRIES = 2;
    static final String CHAT = "onRtcChatMembersChanged";
    static final String STATE = "onRtcStateChanged";
    static final String INTERRUPTED = "onRtcChatInterrupted";

    @Test
    void an_expiring_token_ends_the_call_for_that_member_only() throws Exception {
        try (FaultKit kit = new FaultKit()) {
            RemoteParticipant bob = FaultKit.joinPublishing(kit.participant("r", "bob"));
            MiniProgram app = kit.launchRtcApp(kit.signalUri(), CHAT, STATE, INTERRUPTED);
            assertTrue(FaultKit.call(app, "changeAudioCapture", "{state: 1}").path("ok").asBoolean());
            List<Throwable> failures = new ArrayList<>();
            for (int attempt = 1; attempt <= EXPIRIES; attempt++) {
                try {
                    long seq = app.events().lastSeq();
                    long joinedAt = System.currentTimeMillis();
                    JsonNode joined = FaultKit.call(app, "joinRtcRoom",
                            "{roomId: 'r', userId: 'alice', token: '" + FaultKit.token("r", "alice", 3) + "'}");
                    assertTrue(joined.path("ok").asBoolean(), joined.toString());
                    await("the mini-program lists bob", () -> listed(app).equals(List.of("alice", "bob")));
                    awaitRise("bob hears the mini-program", () -> audioPackets(bob.remoteMedia("alice")), 10);

                    HostEvent interrupted = awaitEvent(app, seq, INTERRUPTED, p -> true);
                    assertEquals("{\"errNo\":21108,\"errMsg\":\"token expired\"}", interrupted.data().path("payload").toString());
                    HostEvent state = awaitEvent(app, seq, STATE, p -> p.path("errNo").asInt() == 21108);
                    assertEquals("{\"errNo\":21108,\"errMsg\":\"token expired\",\"data\":{\"roomId\":\"r\"}}",
                            state.data().path("payload").toString());
                    await("bob sees alice kicked", () -> bob.events().stream().anyMatch(e -> e.timeMillis() >= joinedAt
                            && e.name().equals("userLeave") && e.userId().equals("alice") && e.detail().equals("kicked")));
                    await("the server let alice go", () -> members(kit.server(), "r").equals(List.of("bob")));
                    await("bob no longer receives alice", () -> bob.remoteMedia("alice").isEmpty());
                    assertTrue(bob.members().stream().noneMatch(m -> m.userId().value().equals("alice")), "bob's list");
                } catch (AssertionError | Exception e) {
                    failures.add(e);
                }
            }
            Figures.record("Faults", "a token expiring mid-call: 21108 on onRtcChatInterrupted and onRtcStateChanged,"
                    + " others see the member kicked, a fresh join works", EXPIRIES, failures.size());
            if (!failures.isEmpty()) {
                AssertionError error = new AssertionError(failures.size() + " of " + EXPIRIES + " expiries misbehaved");
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
}
