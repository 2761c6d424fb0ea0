package dev.ttrtc.bridge.signal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MemberInfo;
import dev.ttrtc.bridge.signal.ServerMessage;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomServerTest {
    static final MediaState PUBLISHING_AUDIO = MediaState.NONE.withAudioCapture(true).withAudioPublished(true);

    RoomServer server;
    final List<RecordingClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = RoomServer.builder().port(0).build().start();
    }

    @AfterEach
    void stop() {
        clients.forEach(RecordingClient::close);
        server.close();
    }

    RecordingClient client() {
        RecordingClient client = new RecordingClient(server.signalUri());
        clients.add(client);
        return client;
    }

    static List<String> ids(List<MemberInfo> members) {
        return members.stream().map(MemberInfo::userId).toList();
    }

    @Test
    void members_join_in_order_and_others_are_told() throws Exception {
        RecordingClient alice = client();
        assertEquals(List.of("alice"), ids(alice.join("r1", "alice").members()));
        RecordingClient bob = client();
        assertEquals(List.of("alice", "bob"), ids(bob.join("r1", "bob").members()));
        assertEquals("bob", alice.next(ServerMessage.MemberJoined.class).member().userId());
        bob.send(new ClientMessage.Leave(bob.id()));
        bob.next(ServerMessage.Ack.class);
        ServerMessage.MemberLeft left = alice.next(ServerMessage.MemberLeft.class);
        assertEquals("bob", left.userId());
        assertEquals("left", left.reason());
    }

    @Test
    void rooms_are_keyed_by_app_and_room() throws Exception {
        server.close();
        server = RoomServer.builder().port(0).app("a00000000000000000000000", "key-a").build().start();
        RecordingClient dev = client();
        dev.join("same", "alice");
        RecordingClient other = client();
        String token = AccessToken.issue("a00000000000000000000000", "same", "bob", System.currentTimeMillis() / 1000, 600, true)
                .serialize("key-a");
        other.send(new ClientMessage.Join(other.id(), "a00000000000000000000000", "same", "bob", token, true, MediaState.NONE, null));
        assertEquals(List.of("bob"), ids(other.next(ServerMessage.Joined.class).members()));
        assertEquals(2, server.rooms().size());
    }

    @Test
    void every_token_check_refuses_with_21101_and_names_the_problem() throws Exception {
        RecordingClient client = client();
        long now = System.currentTimeMillis() / 1000;
        String[][] cases = {
            {RecordingClient.token("other-room", "u", 600, true), "invalid token: the token is for another room"},
            {RecordingClient.token("r", "someone-else", 600, true), "invalid token: the token is for another user"},
            {AccessToken.issue(DevelopmentApp.APP_ID, "r", "u", now - 1000, 10, true).serialize(DevelopmentApp.APP_KEY),
                "invalid token: the token has expired"},
            {AccessToken.issue(DevelopmentApp.APP_ID, "r", "u", now, 600, true).serialize("wrong-key"),
                "invalid token: the token's signature does not match the app key"},
            {"001" + "b".repeat(24) + "AAAA", "invalid token: the token is for another appId"},
            {"nonsense", "invalid token: the token is not a well-formed \"001\" token"},
        };
        for (String[] c : cases) {
            client.send(new ClientMessage.Join(client.id(), DevelopmentApp.APP_ID, "r", "u", c[0], true, MediaState.NONE, null));
            ServerMessage.Error error = client.nextError(21101);
            assertEquals(c[1], error.message());
            assertEquals("invalid-token", error.reason());
        }
        String otherApp = AccessToken.issue("c".repeat(24), "r", "u", now, 600, true).serialize("k");
        client.send(new ClientMessage.Join(client.id(), "c".repeat(24), "r", "u", otherApp, true, MediaState.NONE, null));
        assertEquals("invalid token: the token's appId is not configured on this server", client.nextError(21101).message());
        assertTrue(server.rooms().isEmpty());
    }

    @Test
    void bad_room_and_user_ids_are_parameter_errors() throws Exception {
        RecordingClient client = client();
        client.send(new ClientMessage.Join(client.id(), DevelopmentApp.APP_ID, "has space", "u",
                RecordingClient.token("has space", "u", 600, true), true, MediaState.NONE, null));
        client.nextError(20000);
    }

    @Test
    void malformed_unknown_oversized_and_out_of_order_messages_get_error_frames_and_harm_nothing() throws Exception {
        RecordingClient alice = client();
        alice.join("calm", "alice");
        RecordingClient bob = client();
        bob.join("calm", "bob");
        alice.next(ServerMessage.MemberJoined.class);

        RecordingClient rogue = client();
        rogue.sendRaw("{not json");
        assertEquals("malformed", rogue.nextError(40001).reason());
        rogue.sendRaw("[1,2]");
        rogue.nextError(40001);
        rogue.sendRaw("{\"type\":\"ping\"}");
        assertEquals("missing \"v\" (protocol version)", rogue.nextError(40001).message());
        rogue.sendRaw("{\"v\":2,\"type\":\"ping\"}");
        rogue.nextError(40002);
        rogue.sendRaw("{\"v\":1,\"type\":\"teleport\"}");
        assertEquals("unknown message type \"teleport\"", rogue.nextError(40003).message());
        rogue.sendRaw("{\"v\":1,\"type\":\"leave\"}");
        rogue.nextError(40001);
        rogue.sendRaw("{\"v\":1,\"type\":\"leave\",\"id\":1,\"extra\":true}");
        rogue.nextError(40001);
        rogue.sendRaw("{\"v\":1,\"type\":\"ping\",\"x\":\"" + "a".repeat(70_000) + "\"}");
        assertEquals("too-large", rogue.nextError(40004).reason());
        rogue.send(new ClientMessage.Update(rogue.id(), PUBLISHING_AUDIO));
        assertEquals("\"update\" before \"join\"", rogue.nextError(40005).message());
        rogue.send(new ClientMessage.Relay("alice", JsonNodeFactory.instance.objectNode()));
        rogue.nextError(40005);

        // The rogue connection still works, and the room it never joined is untouched.
        rogue.send(new ClientMessage.Ping());
        assertEquals(List.of("alice", "bob", "rogue"), ids(rogue.join("calm", "rogue").members()));
        assertEquals("rogue", alice.next(ServerMessage.MemberJoined.class).member().userId());
    }

    @Test
    void a_client_that_keeps_sending_garbage_is_disconnected_and_others_keep_their_state() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        alice.send(new ClientMessage.Update(alice.id(), PUBLISHING_AUDIO));
        alice.next(ServerMessage.Ack.class);
        RecordingClient rogue = client();
        for (int i = 0; i < 25; i++) {
            rogue.sendRaw("garbage " + i);
        }
        assertEquals(1008, rogue.awaitClose());
        RoomSnapshot room = server.room(DevelopmentApp.APP_ID, "r").orElseThrow();
        assertEquals(PUBLISHING_AUDIO, room.members().get(0).state());
        RecordingClient bob = client();
        assertEquals(List.of("alice", "bob"), ids(bob.join("r", "bob").members()));
    }

    @Test
    void a_flood_is_rate_limited_then_disconnected() throws Exception {
        RecordingClient flooder = client();
        flooder.join("r", "flooder");
        for (int i = 0; i < 1000; i++) {
            try {
                flooder.send(new ClientMessage.Speaking(i % 2 == 0));
            } catch (RuntimeException closed) {
                break;
            }
        }
        assertEquals(1008, flooder.awaitClose());
    }

    @Test
    void a_duplicate_login_kicks_the_earlier_session_and_others_see_no_leave() throws Exception {
        RecordingClient watcher = client();
        watcher.join("r", "watcher");
        RecordingClient first = client();
        first.join("r", "dup");
        watcher.next(ServerMessage.MemberJoined.class);
        RecordingClient second = client();
        assertEquals(List.of("watcher", "dup"), ids(second.join("r", "dup").members()));
        ServerMessage.Kicked kicked = first.next(ServerMessage.Kicked.class);
        assertEquals(21132, kicked.code());
        assertEquals("user dup joined the room r from another session", kicked.message());
        // The earlier session is out: its messages are now out of order.
        first.send(new ClientMessage.Update(first.id(), PUBLISHING_AUDIO));
        first.nextError(40005);
        // The watcher's next message is about the new session publishing, not a leave.
        second.send(new ClientMessage.Update(second.id(), PUBLISHING_AUDIO));
        assertEquals(PUBLISHING_AUDIO, watcher.next(ServerMessage.MemberUpdated.class).member().state());
    }

    @Test
    void invisible_members_are_not_announced_and_may_not_publish() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        RecordingClient ghost = client();
        assertEquals(List.of("alice"), ids(ghost.join("r", "ghost", false, RecordingClient.token("r", "ghost", 600, true)).members()));
        ghost.send(new ClientMessage.Update(ghost.id(), PUBLISHING_AUDIO));
        assertEquals("invisible users may not publish", ghost.nextError(21130).message());
        ghost.send(new ClientMessage.Visibility(ghost.id(), true));
        ghost.next(ServerMessage.Ack.class);
        assertEquals("ghost", alice.next(ServerMessage.MemberJoined.class).member().userId());
        ghost.send(new ClientMessage.Visibility(ghost.id(), false));
        ghost.next(ServerMessage.Ack.class);
        assertEquals("invisible", alice.next(ServerMessage.MemberLeft.class).reason());
    }

    @Test
    void publishing_needs_the_privilege() throws Exception {
        RecordingClient listener = client();
        listener.join("r", "listener", true, RecordingClient.token("r", "listener", 600, false));
        listener.send(new ClientMessage.Update(listener.id(), PUBLISHING_AUDIO));
        assertEquals("the token does not grant publishing", listener.nextError(21130).message());
        listener.send(new ClientMessage.Update(listener.id(), MediaState.NONE.withAudioCapture(true)));
        listener.next(ServerMessage.Ack.class);
    }

    @Test
    void the_51st_visible_member_is_refused_but_may_join_invisible() throws Exception {
        for (int i = 0; i < 50; i++) {
            client().join("big", "m" + i);
        }
        RecordingClient late = client();
        late.send(new ClientMessage.Join(late.id(), DevelopmentApp.APP_ID, "big", "late",
                RecordingClient.token("big", "late", 600, true), true, MediaState.NONE, null));
        assertEquals("room big is full: at most 50 visible users", late.nextError(21102).message());
        assertEquals(50, late.join("big", "late", false, RecordingClient.token("big", "late", 600, true)).members().size());
    }

    @Test
    void the_31st_publisher_is_refused() throws Exception {
        for (int i = 0; i < 30; i++) {
            RecordingClient c = client();
            c.join("pub", "p" + i);
            c.send(new ClientMessage.Update(c.id(), PUBLISHING_AUDIO));
            c.next(ServerMessage.Ack.class);
        }
        RecordingClient late = client();
        late.join("pub", "late");
        late.send(new ClientMessage.Update(late.id(), PUBLISHING_AUDIO));
        assertEquals("the room already has 30 publishing users", late.nextError(21131).message());
    }

    @Test
    void a_killed_client_is_removed_and_others_are_told_it_dropped() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        RecordingClient bob = client();
        bob.join("r", "bob");
        alice.next(ServerMessage.MemberJoined.class);
        bob.kill();
        ServerMessage.MemberLeft left = alice.next(ServerMessage.MemberLeft.class);
        assertEquals("bob", left.userId());
        assertEquals("dropped", left.reason());
    }

    @Test
    void a_frozen_client_is_disconnected_and_removed() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        RecordingClient frozen = client();
        frozen.join("r", "frozen");
        alice.next(ServerMessage.MemberJoined.class);
        frozen.freeze();
        assertEquals("dropped", alice.next(ServerMessage.MemberLeft.class).reason());
        frozen.awaitClose();
    }

    @Test
    void a_reconnecting_client_resumes_its_session_silently() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        RecordingClient bob = client();
        ServerMessage.Joined first = bob.join("r", "bob");
        alice.next(ServerMessage.MemberJoined.class);
        bob.send(new ClientMessage.Update(bob.id(), PUBLISHING_AUDIO));
        bob.next(ServerMessage.Ack.class);
        alice.next(ServerMessage.MemberUpdated.class);
        bob.kill();

        RecordingClient bobAgain = client();
        bobAgain.send(new ClientMessage.Join(bobAgain.id(), DevelopmentApp.APP_ID, "r", "bob",
                RecordingClient.token("r", "bob", 600, true), true, MediaState.NONE.withAudioCapture(true), first.sessionId()));
        ServerMessage.Joined resumed = bobAgain.next(ServerMessage.Joined.class);
        assertTrue(resumed.resumed());
        assertEquals(first.sessionId(), resumed.sessionId());
        bobAgain.send(new ClientMessage.Speaking(true));
        // alice hears about bob speaking, not about bob leaving and coming back.
        ServerMessage.MemberUpdated update = alice.next(ServerMessage.MemberUpdated.class);
        assertTrue(update.member().speaking());
        assertEquals(PUBLISHING_AUDIO, update.member().state());
    }

    @Test
    void a_short_token_warns_at_once_then_expires_and_the_member_is_kicked() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        RecordingClient brief = client();
        ServerMessage.Joined joined = brief.join("r", "brief", true, RecordingClient.token("r", "brief", 2, true));
        assertTrue(joined.tokenExpireAt() > 0);
        alice.next(ServerMessage.MemberJoined.class);
        assertEquals(joined.tokenExpireAt(), brief.next(ServerMessage.TokenWillExpire.class).expireAt());
        ServerMessage.Kicked kicked = brief.next(ServerMessage.Kicked.class);
        assertEquals(21108, kicked.code());
        assertEquals("kicked", alice.next(ServerMessage.MemberLeft.class).reason());
    }

    @Test
    void update_token_extends_the_session_and_a_bad_one_is_refused() throws Exception {
        RecordingClient brief = client();
        brief.join("r", "brief", true, RecordingClient.token("r", "brief", 2, true));
        brief.next(ServerMessage.TokenWillExpire.class);
        brief.send(new ClientMessage.UpdateToken(brief.id(), RecordingClient.token("r", "someone", 600, true)));
        brief.nextError(21101);
        brief.send(new ClientMessage.UpdateToken(brief.id(), RecordingClient.token("r", "brief", 600, true)));
        brief.next(ServerMessage.Ack.class);
        // Still a member after the first token's expiry: a publish is accepted.
        brief.send(new ClientMessage.Update(brief.id(), PUBLISHING_AUDIO));
        brief.next(ServerMessage.Ack.class);
        assertEquals(1, server.room(DevelopmentApp.APP_ID, "r").orElseThrow().members().size());
    }

    @Test
    void negotiation_data_is_relayed_between_members_of_one_room() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        RecordingClient bob = client();
        bob.join("r", "bob");
        alice.next(ServerMessage.MemberJoined.class);
        alice.send(new ClientMessage.Relay("bob", JsonNodeFactory.instance.objectNode().put("sdp", "offer")));
        ServerMessage.Relayed relayed = bob.next(ServerMessage.Relayed.class);
        assertEquals("alice", relayed.from());
        assertEquals("offer", relayed.data().get("sdp").asText());
        alice.send(new ClientMessage.Relay("carol", JsonNodeFactory.instance.objectNode()));
        assertEquals("user carol is not in the room", alice.nextError(40006).message());
    }

    @Test
    void shutdown_tells_every_client() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        server.close();
        assertEquals("the room server is shutting down", alice.next(ServerMessage.Shutdown.class).message());
        assertEquals(1001, alice.awaitClose());
    }
}
