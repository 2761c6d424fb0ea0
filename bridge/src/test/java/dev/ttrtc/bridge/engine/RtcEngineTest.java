package dev.ttrtc.bridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine API against a real room server on port 0, signalling only. */
class RtcEngineTest {
    RoomServer server;

    @BeforeEach
    void start() {
        server = RoomServer.builder().port(0).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    RtcEngine engine(String name) {
        return RtcEngine.create(EngineConfig.of(server.signalUri(), DevelopmentApp.APP_ID, name).withMedia(MediaConfig.SIGNALLING_ONLY));
    }

    static String token(String room, String user) {
        return AccessToken.issue(DevelopmentApp.APP_ID, room, user, System.currentTimeMillis() / 1000, 3600, true)
                .serialize(DevelopmentApp.APP_KEY);
    }

    static RtcRoom join(RtcEngine engine, String room, String user, RoomEventHandler handler) throws Exception {
        RtcRoom joined = engine.createRoom(room);
        joined.setRoomEventHandler(handler);
        joined.join(token(room, user), user, RoomConfig.DEFAULT).get(10, TimeUnit.SECONDS);
        return joined;
    }

    @Test
    void members_joining_and_leaving_reach_the_handler_with_engine_types() throws Exception {
        try (RtcEngine bobEngine = engine("bob"); RtcEngine aliceEngine = engine("alice")) {
            RecordingRoomEventHandler bob = new RecordingRoomEventHandler();
            RtcRoom bobRoom = join(bobEngine, "r", "bob", bob);
            bob.assertNext("RoomStateChanged", "r", "bob", 0, 0);

            RtcRoom aliceRoom = join(aliceEngine, "r", "alice", new RecordingRoomEventHandler());
            assertEquals(List.of("alice"), bob.awaitNext("UserJoined").args());
            assertEquals(List.of("bob", "alice"), bobRoom.members().stream().map(RoomMember::userId).toList());
            assertEquals(new MemberState(false, false, false, false, false), bobRoom.members().get(1).state());

            aliceRoom.leave().get(10, TimeUnit.SECONDS);
            assertEquals(List.of("alice", UserLeaveReason.LEFT), bob.awaitNext("UserLeave").args());
        }
    }

    @Test
    void a_second_login_of_the_same_user_interrupts_the_first_with_21132() throws Exception {
        try (RtcEngine first = engine("first"); RtcEngine second = engine("second")) {
            RecordingRoomEventHandler earlier = new RecordingRoomEventHandler();
            join(first, "r", "bob", earlier);
            join(second, "r", "bob", new RecordingRoomEventHandler());
            RecordingRoomEventHandler.Event interrupted = earlier.awaitNext("RoomInterrupted");
            assertEquals(RtcError.DUPLICATE_LOGIN, interrupted.args().get(0));
        }
    }
}
