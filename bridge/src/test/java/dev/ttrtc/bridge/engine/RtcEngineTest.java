package dev.ttrtc.bridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.testkit.CallRecorder;
import dev.ttrtc.testkit.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine API against a real room server on port 0, signalling only. */
class RtcEngineTest {
    static final AppId APP = AppId.of(DevelopmentApp.APP_ID);
    static final RoomId R = RoomId.of("r");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId GHOST = UserId.of("ghost");
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
        return RtcEngine.create(EngineConfig.of(server.signalUri(), APP, name).withMedia(MediaConfig.SIGNALLING_ONLY));
    }

    static String token(String room, String user) {
        return token(room, user, 3600);
    }

    static String token(String room, String user, long lifetimeSeconds) {
        return AccessToken.issue(DevelopmentApp.APP_ID, room, user, System.currentTimeMillis() / 1000, lifetimeSeconds, true)
                .serialize(DevelopmentApp.APP_KEY);
    }

    /** The room server's view of a member's state. */
    MemberState stateOnServer(String room, String user) {
        return server.room(DevelopmentApp.APP_ID, room).orElseThrow().members().stream()
                .filter(m -> m.userId().equals(user)).findFirst().map(m -> new MemberState(m.state().audioCapture(),
                        m.state().videoCapture(), m.state().audioPublished(), m.state().videoPublished(), m.state().screenPublished()))
                .orElseThrow();
    }

    static RtcRoom join(RtcEngine engine, String room, String user, CallRecorder events) throws Exception {
        RtcRoom joined = engine.createRoom(RoomId.of(room));
        joined.setRoomEventHandler(new RecordingRoomEventHandler(events));
        joined.join(token(room, user), UserId.of(user), RoomConfig.DEFAULT).get(10, TimeUnit.SECONDS);
        return joined;
    }

    @Test
    void members_joining_and_leaving_reach_the_handler_with_engine_types() throws Exception {
        try (RtcEngine bobEngine = engine("bob"); RtcEngine aliceEngine = engine("alice")) {
            CallRecorder bob = new CallRecorder("bob's room events");
            RtcRoom bobRoom = join(bobEngine, "r", "bob", bob);
            bob.assertNext("RoomStateChanged", R, BOB, 0, 0);

            RtcRoom aliceRoom = join(aliceEngine, "r", "alice", new CallRecorder("ignored room events"));
            assertEquals(List.of(ALICE), bob.awaitNext("UserJoined").args());
            assertEquals(List.of(BOB, ALICE), bobRoom.members().stream().map(RoomMember::userId).toList());
            assertEquals(new MemberState(false, false, false, false, false), bobRoom.members().get(1).state());

            aliceRoom.leave().get(10, TimeUnit.SECONDS);
            assertEquals(List.of(ALICE, UserLeaveReason.LEFT), bob.awaitNext("UserLeave").args());
        }
    }

    @Test
    void a_second_login_of_the_same_user_interrupts_the_first_with_21132() throws Exception {
        try (RtcEngine first = engine("first"); RtcEngine second = engine("second")) {
            CallRecorder earlier = new CallRecorder("the first login's room events");
            join(first, "r", "bob", earlier);
            join(second, "r", "bob", new CallRecorder("ignored room events"));
            CallRecorder.Call interrupted = earlier.awaitNext("RoomInterrupted");
            assertEquals(RtcError.DUPLICATE_LOGIN, interrupted.args().get(0));
        }
    }

    @Test
    void publish_and_visibility_chosen_before_joining_apply_when_the_join_completes() throws Exception {
        try (RtcEngine aliceEngine = engine("alice"); RtcEngine bobEngine = engine("bob")) {
            CallRecorder bob = new CallRecorder("bob's room events");
            RtcRoom bobRoom = join(bobEngine, "r", "bob", bob);
            RtcRoom room = aliceEngine.createRoom(R);
            CallRecorder alice = new CallRecorder("alice's room events");
            room.setRoomEventHandler(new RecordingRoomEventHandler(alice));
            // Accepted at once: nothing is sent before the join.
            room.publishStream(MediaKind.AUDIO).get(10, TimeUnit.SECONDS);
            room.publishStream(MediaKind.VIDEO).get(10, TimeUnit.SECONDS);
            room.unpublishStream(MediaKind.VIDEO).get(10, TimeUnit.SECONDS);
            room.unsubscribeStream(BOB, MediaKind.AUDIO).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(), room.members());

            room.join(token("r", "alice"), ALICE, new RoomConfig(false, true, true)).get(10, TimeUnit.SECONDS);
            alice.assertNext("UserJoined", BOB);
            alice.assertNext("RoomStateChanged", R, ALICE, 0, 0);
            alice.assertNext("LocalPublishChanged", MediaKind.AUDIO, true);
            assertEquals(new MemberState(false, false, true, false, false), stateOnServer("r", "alice"));
            assertEquals(false, room.isSubscribed(BOB, MediaKind.AUDIO));
            assertEquals(true, room.isSubscribed(BOB, MediaKind.VIDEO));
            assertEquals(List.of(ALICE), bob.awaitNext("UserJoined").args());
            assertEquals(List.of(ALICE, MediaKind.AUDIO), bob.awaitNext("UserPublishStream").args());
            assertEquals(List.of(BOB, ALICE), bobRoom.members().stream().map(RoomMember::userId).toList());
        }
    }

    @Test
    void a_user_invisible_before_joining_joins_unseen() throws Exception {
        try (RtcEngine ghostEngine = engine("ghost"); RtcEngine bobEngine = engine("bob")) {
            CallRecorder bob = new CallRecorder("bob's room events");
            RtcRoom bobRoom = join(bobEngine, "r", "bob", bob);
            RtcRoom ghost = ghostEngine.createRoom(R);
            ghost.setUserVisibility(false).get(10, TimeUnit.SECONDS);
            ghost.join(token("r", "ghost"), GHOST, RoomConfig.DEFAULT).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(BOB), ghost.members().stream().map(RoomMember::userId).toList());
            assertEquals(2, server.room(DevelopmentApp.APP_ID, "r").orElseThrow().members().size());
            assertEquals(List.of(BOB), bobRoom.members().stream().map(RoomMember::userId).toList());
            // Outside a room there is no token to renew.
            RtcException outside = assertThrows(RtcException.class,
                    () -> rethrow(bobEngine.createRoom(RoomId.of("other")).updateToken(token("other", "bob"))));
            assertEquals(RtcError.NOT_IN_A_ROOM, outside.error());
        }
    }

    @Test
    void a_restarted_server_is_rejoined_and_the_handler_hears_reconnecting_then_rejoined() throws Exception {
        try (RtcEngine bobEngine = RtcEngine.create(EngineConfig.of(server.signalUri(), APP, "bob")
                .withMedia(MediaConfig.SIGNALLING_ONLY)
                .withReconnect(new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(20))))) {
            CallRecorder bob = new CallRecorder("bob's room events");
            RtcRoom room = join(bobEngine, "r", "bob", bob);
            bob.assertNext("RoomStateChanged", R, BOB, 0, 0);
            int port = server.port();
            server.close();
            server = RoomServer.builder().port(port).build().start();
            bob.assertNext("ConnectionStateChanged", ConnectionState.RECONNECTING);
            bob.assertNext("RoomStateChanged", R, BOB, 0, 1);
            bob.assertNext("ConnectionStateChanged", ConnectionState.RECONNECTED);
            assertEquals(true, room.isJoined());
            assertEquals(List.of("bob"), server.room(DevelopmentApp.APP_ID, "r").orElseThrow().members().stream()
                    .map(m -> m.userId()).toList());
        }
    }

    @Test
    void an_expiring_token_is_announced_then_interrupts_with_21108() throws Exception {
        try (RtcEngine bobEngine = engine("bob")) {
            CallRecorder bob = new CallRecorder("bob's room events");
            RtcRoom room = bobEngine.createRoom(R);
            room.setRoomEventHandler(new RecordingRoomEventHandler(bob));
            room.join(token("r", "bob", 2), BOB, RoomConfig.DEFAULT).get(10, TimeUnit.SECONDS);
            bob.assertNext("RoomStateChanged", R, BOB, 0, 0);
            bob.assertNext("TokenWillExpire");
            CallRecorder.Call interrupted = bob.awaitNext("RoomInterrupted");
            assertEquals(RtcError.TOKEN_EXPIRED, interrupted.args().get(0));
            assertEquals(false, room.isJoined());
        }
    }

    /**
     * A publish privilege that ends while the room server is away: the rejoin's publish is refused
     * (21130, reported as an automatic action's error) and the local flags fall back to what the
     * new server holds, nothing.
     */
    @Test
    void a_publish_privilege_ending_while_disconnected_leaves_nothing_published_after_the_rejoin() throws Exception {
        try (RtcEngine aliceEngine = RtcEngine.create(EngineConfig.of(server.signalUri(), APP, "alice")
                .withMedia(MediaConfig.SIGNALLING_ONLY)
                .withReconnect(new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(20))))) {
            CallRecorder alice = new CallRecorder("alice's room events");
            RtcRoom room = aliceEngine.createRoom(R);
            room.setRoomEventHandler(new RecordingRoomEventHandler(alice));
            long publishUntil = System.currentTimeMillis() / 1000 + 3;
            String token = AccessToken.issue(DevelopmentApp.APP_ID, "r", "alice", System.currentTimeMillis() / 1000, 3600, true)
                    .withPublishUntil(publishUntil).serialize(DevelopmentApp.APP_KEY);
            room.join(token, ALICE, RoomConfig.DEFAULT).get(10, TimeUnit.SECONDS);
            room.publishStream(MediaKind.AUDIO).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(MediaKind.AUDIO, true), alice.awaitNext("LocalPublishChanged").args());

            int port = server.port();
            server.close();
            Eventually.await("the publish privilege has ended", () -> System.currentTimeMillis() / 1000 >= publishUntil);
            server = RoomServer.builder().port(port).build().start();
            alice.awaitNext("RoomStateChanged");
            CallRecorder.Call refused = alice.awaitNext("RoomError");
            assertEquals(21130, ((RtcError) refused.args().get(0)).code());
            assertEquals("the token does not grant publishing", refused.args().get(1));
            assertEquals(List.of(MediaKind.AUDIO, false), alice.awaitNext("LocalPublishChanged").args());
            assertEquals(new MemberState(false, false, false, false, false), room.members().get(0).state());
            assertEquals(new MemberState(false, false, false, false, false), stateOnServer("r", "alice"));
        }
    }

    /** The second way a publish privilege ends mid-call (the first, expiry, is in MediaFlowTest and RevokedPublishingTest). */
    @Test
    void a_token_without_the_publish_privilege_stops_the_publishing_and_a_new_publish_is_refused() throws Exception {
        try (RtcEngine aliceEngine = engine("alice"); RtcEngine bobEngine = engine("bob")) {
            CallRecorder bob = new CallRecorder("bob's room events");
            RtcRoom bobRoom = join(bobEngine, "r", "bob", bob);
            CallRecorder alice = new CallRecorder("alice's room events");
            RtcRoom room = join(aliceEngine, "r", "alice", alice);
            room.publishStream(MediaKind.AUDIO).get(10, TimeUnit.SECONDS);
            room.publishStream(MediaKind.VIDEO).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(MediaKind.AUDIO, true), alice.awaitNext("LocalPublishChanged").args());
            assertEquals(List.of(MediaKind.VIDEO, true), alice.awaitNext("LocalPublishChanged").args());
            assertEquals(List.of(ALICE, MediaKind.AUDIO), bob.awaitNext("UserPublishStream").args());
            assertEquals(List.of(ALICE, MediaKind.VIDEO), bob.awaitNext("UserPublishStream").args());

            String subscribeOnly = AccessToken.issue(DevelopmentApp.APP_ID, "r", "alice", System.currentTimeMillis() / 1000, 3600, false)
                    .serialize(DevelopmentApp.APP_KEY);
            room.updateToken(subscribeOnly).get(10, TimeUnit.SECONDS);
            alice.assertNext("LocalPublishChanged", MediaKind.AUDIO, false);
            alice.assertNext("LocalPublishChanged", MediaKind.VIDEO, false);
            alice.assertNext("PublishRevoked", RtcError.PUBLISH_PRIVILEGE_ENDED, "the token no longer grants publishing");
            assertEquals(new MemberState(false, false, false, false, false), room.members().get(1).state());
            assertEquals(new MemberState(false, false, false, false, false), stateOnServer("r", "alice"));
            assertEquals(List.of(ALICE, MediaKind.AUDIO), bob.awaitNext("UserUnpublishStream").args());
            assertEquals(List.of(ALICE, MediaKind.VIDEO), bob.awaitNext("UserUnpublishStream").args());
            assertEquals(new MemberState(false, false, false, false, false), bobRoom.members().get(1).state());

            RtcException refused = assertThrows(RtcException.class, () -> rethrow(room.publishStream(MediaKind.AUDIO)));
            assertEquals(21130, refused.error().code());
            assertEquals("the token does not grant publishing", refused.detail());
            assertEquals(true, room.isJoined());
        }
    }

    private static void rethrow(java.util.concurrent.CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) RtcException.causeOf(e);
        }
    }
}
