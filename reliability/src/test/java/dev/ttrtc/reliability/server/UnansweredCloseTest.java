package dev.ttrtc.reliability.server;

import static dev.ttrtc.reliability.server.BadFrames.DEV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.testkit.Eventually;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client the server closes (here for too many bad messages) that never answers the close
 * frame: Undertow alone waits for the answer for ever, so the socket, the address's connection
 * count and the member's place in the room stayed taken. The server now cuts the socket after a
 * grace period, and the member leaves as dropped.
 */
class UnansweredCloseTest {
    static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void a_client_that_never_answers_our_close_is_cut_and_its_member_leaves() throws Exception {
        try (RoomServer server = RoomServer.builder().port(0).build().start();
                WebSocketRecorder watcher = HealthyRooms.member(server.signalUri());
                FrameSocket mute = new FrameSocket(server.signalUri())) {
            watcher.send(new BadFrames().join(DEV, "r", "watcher", HealthyRooms.token(DEV, "r", "watcher")).render());
            watcher.nextJson("joined");
            mute.text(new BadFrames().join(DEV, "r", "mute", HealthyRooms.token(DEV, "r", "mute")).render());
            // At once: mute sends no pings, and a connection silent for 2 s is aborted, not closed.
            for (int i = 0; i < 21; i++) {
                mute.text("not json " + i);
            }
            assertEquals("mute", watcher.nextJson("member-joined").path("member").path("userId").asText());
            FrameSocket.Ending closing = mute.awaitEnd(DEADLINE);
            assertTrue(closing.closeFrame(), "the server sends its close frame first");
            assertEquals(1008, closing.closeCode());
            assertTrue(closing.texts().get(closing.texts().size() - 1).contains("\"code\":40008"), closing.texts().toString());

            // We never answer the close; the server must end the socket itself.
            FrameSocket.Ending cut = mute.awaitEnd(DEADLINE);
            assertFalse(cut.closeFrame(), "nothing after the close frame but the end of the socket");

            // The cut comes 10 s after the close (a grace for clients on a busy machine), longer than nextJson waits.
            JsonNode left = WebSocketRecorder.JSON.readTree((String) watcher.next(DEADLINE));
            assertEquals("member-left", left.path("type").asText(), left.toString());
            assertEquals("mute", left.path("userId").asText());
            assertEquals("dropped", left.path("reason").asText());
            Eventually.await("the room lists only the watcher", () -> server.room(DEV, "r").orElseThrow().members().size() == 1);
            Figures.record("Server input", "a client closed for bad messages that never answers the close frame: its socket cut,"
                    + " its member dropped from the room (`UnansweredCloseTest`)", 1, 0);
        }
    }
}
