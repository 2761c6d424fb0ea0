package dev.ttrtc.bridge.signal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.Privilege;
import dev.ttrtc.bridge.signal.ServerMessage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token rules at every moment the spec names: join, update-token, privilege expiry, the 7-day bound. */
class TokenMomentsTest {
    static final MediaState PUBLISHING = MediaState.NONE.withAudioCapture(true).withAudioPublished(true)
            .withVideoCapture(true).withVideoPublished(true);

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

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String token(String user, long issuedAt, long expireAt, Map<Privilege, Long> privileges) {
        return new AccessToken(DevelopmentApp.APP_ID, "r", user, 7, issuedAt, expireAt, privileges)
                .serialize(DevelopmentApp.APP_KEY);
    }

    static Map<Privilege, Long> publishUntil(long until) {
        Map<Privilege, Long> p = new EnumMap<>(Privilege.class);
        p.put(Privilege.PUBLISH_STREAM, until);
        p.put(Privilege.SUBSCRIBE_STREAM, 0L);
        return p;
    }

    static ClientMessage.Relay subscribe(String to) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("media", "subscribe").put("sid", "s1")
                .put("audio", true).put("video", false).put("screen", false).put("restart", false);
        return new ClientMessage.Relay(to, data);
    }

    @Test
    void a_publish_privilege_that_expires_mid_call_stops_the_publishing_and_everyone_is_told() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        RecordingClient pub = client();
        pub.join("r", "pub", true, token("pub", now(), now() + 3600, publishUntil(now() + 2)));
        alice.next(ServerMessage.MemberJoined.class);
        pub.send(new ClientMessage.Update(pub.id(), PUBLISHING));
        pub.next(ServerMessage.Ack.class);
        assertEquals(PUBLISHING, alice.next(ServerMessage.MemberUpdated.class).member().state());

        ServerMessage.PublishRevoked revoked = pub.next(ServerMessage.PublishRevoked.class);
        assertEquals(21130, revoked.code());
        assertEquals("the token no longer grants publishing", revoked.message());
        assertEquals(PUBLISHING.unpublished(), revoked.state());
        assertEquals(PUBLISHING.unpublished(), alice.next(ServerMessage.MemberUpdated.class).member().state());
        pub.send(new ClientMessage.Update(pub.id(), PUBLISHING));
        pub.nextError(21130);
    }

    @Test
    void update_token_to_a_subscribe_only_token_stops_the_publishing() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        RecordingClient pub = client();
        pub.join("r", "pub");
        alice.next(ServerMessage.MemberJoined.class);
        pub.send(new ClientMessage.Update(pub.id(), PUBLISHING));
        pub.next(ServerMessage.Ack.class);
        alice.next(ServerMessage.MemberUpdated.class);

        pub.send(new ClientMessage.UpdateToken(pub.id(), RecordingClient.token("r", "pub", 600, false)));
        assertEquals(PUBLISHING.unpublished(), pub.next(ServerMessage.PublishRevoked.class).state());
        pub.next(ServerMessage.Ack.class);
        assertEquals(PUBLISHING.unpublished(), alice.next(ServerMessage.MemberUpdated.class).member().state());
        assertFalse(server.room(DevelopmentApp.APP_ID, "r").orElseThrow().members().get(1).state().publishesAnything());
    }

    @Test
    void a_token_with_no_privileges_joins_but_may_neither_publish_nor_subscribe() throws Exception {
        RecordingClient alice = client();
        alice.join("r", "alice");
        RecordingClient bare = client();
        ServerMessage.Joined joined = bare.join("r", "bare", true, token("bare", now(), now() + 600, Map.of()));
        assertEquals(List.of("alice", "bare"), joined.members().stream().map(m -> m.userId()).toList());
        bare.send(new ClientMessage.Update(bare.id(), PUBLISHING));
        bare.nextError(21130);
        bare.send(subscribe("alice"));
        assertEquals("the token does not grant subscribing", bare.nextError(21136).message());
        alice.send(subscribe("bare"));
        alice.next(ServerMessage.MemberJoined.class);
        assertEquals("alice", bare.next(ServerMessage.Relayed.class).from());
    }

    @Test
    void a_token_that_never_expires_ends_seven_days_after_issue() throws Exception {
        long issuedAt = now() - AccessToken.MAX_LIFETIME_SECONDS + 3;
        RecordingClient old = client();
        ServerMessage.Joined joined = old.join("r", "old", true, token("old", issuedAt, 0, publishUntil(0)));
        assertEquals(issuedAt + AccessToken.MAX_LIFETIME_SECONDS, joined.tokenExpireAt());
        assertEquals(joined.tokenExpireAt(), old.next(ServerMessage.TokenWillExpire.class).expireAt());
        assertEquals(21108, old.next(ServerMessage.Kicked.class).code());

        RecordingClient older = client();
        older.send(new ClientMessage.Join(older.id(), DevelopmentApp.APP_ID, "r", "older",
                token("older", now() - AccessToken.MAX_LIFETIME_SECONDS - 1, 0, publishUntil(0)), true, MediaState.NONE, null));
        assertEquals("invalid token: the token has expired", older.nextError(21101).message());
    }
}
