package dev.ttrtc.reliability.server;

import static dev.ttrtc.reliability.server.BadFrames.DEV;
import static dev.ttrtc.reliability.server.BadFrames.DEV_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.Privilege;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 10: token rules held only at join. Each case here plays a token against one
 * moment the spec names (join, update-token, a privilege's expiry, the token's expiry, the 7-day
 * bound of a token that "never" expires, resume) and checks the server's exact answer; every
 * mismatch is a failure.
 */
class TokenTimingTest {
    static final long WEEK = AccessToken.MAX_LIFETIME_SECONDS;
    static final String AUDIO = HealthyRooms.PUBLISHING_AUDIO;
    static final String AUDIO_AND_VIDEO = BadFrames.PUBLISHING;

    RoomServer server;
    WebSocketRecorder watcher;
    final List<WebSocketRecorder> clients = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    int cases;

    @BeforeEach
    void start() throws Exception {
        server = RoomServer.builder().port(0).build().start();
        watcher = client();
        watcher.send(new BadFrames().join(DEV, "r", "watcher", HealthyRooms.token(DEV, "r", "watcher")).render());
        watcher.nextJson("joined");
    }

    @AfterEach
    void stop() {
        clients.forEach(WebSocketRecorder::close);
        server.close();
    }

    WebSocketRecorder client() {
        WebSocketRecorder c = HealthyRooms.member(server.signalUri());
        clients.add(c);
        return c;
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String token(String user, long issuedAt, long expireAt, Map<Privilege, Long> privileges) {
        return new AccessToken(DEV, "r", user, 1, issuedAt, expireAt, privileges).serialize(DEV_KEY);
    }

    static Map<Privilege, Long> grants(long until, Privilege... privileges) {
        Map<Privilege, Long> map = new EnumMap<>(Privilege.class);
        for (Privilege p : privileges) {
            map.put(p, until);
        }
        return map;
    }

    static Map<Privilege, Long> all(long until) {
        return grants(until, Privilege.PUBLISH_STREAM, Privilege.SUBSCRIBE_STREAM);
    }

    void check(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            failures.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    /** Joins as {@code user}; returns the answer's type and, for an error, its code and text. */
    String join(WebSocketRecorder c, String user, String token, String resume) throws Exception {
        c.send(new BadFrames().join(DEV, "r", user, token).with("resume", resume == null ? "null" : BadFrames.q(resume)).render());
        return answer(nextForSelf(c));
    }

    /** The next message about this member itself, past the news of others. */
    static JsonNode nextForSelf(WebSocketRecorder c) throws InterruptedException {
        while (true) {
            JsonNode m = c.nextJson();
            if (!m.path("type").asText().startsWith("member-")) {
                return m;
            }
        }
    }

    String request(WebSocketRecorder c, String type, String field, String value) throws Exception {
        c.send("{\"v\":1,\"type\":\"" + type + "\",\"id\":" + c.id() + ",\"" + field + "\":" + value + "}");
        return answer(nextForSelf(c));
    }

    static String answer(JsonNode m) {
        String type = m.path("type").asText();
        return type.equals("error") ? "error " + m.path("code").asInt() + " " + m.path("message").asText() : type;
    }

    static String subscribe(String to) {
        return "{\"v\":1,\"type\":\"signal\",\"to\":\"" + to + "\",\"data\":{\"media\":\"subscribe\",\"sid\":\"s\","
                + "\"audio\":true,\"video\":true,\"screen\":false,\"restart\":false}}";
    }

    @Test
    void every_moment_of_a_token_is_enforced() throws Exception {
        String expired = "error 21101 invalid token: the token has expired";
        // At join.
        cases++;
        check("expireAt now", expired, join(client(), "a", token("a", now() - 10, now(), all(0)), null));
        cases++;
        check("expireAt 0 issued 7 days ago", expired, join(client(), "b", token("b", now() - WEEK, 0, all(0)), null));
        cases++;
        check("issued in the future", "error 21101 invalid token: the token was issued in the future",
                join(client(), "c", token("c", now() + 600, now() + 1200, all(0)), null));
        cases++;
        check("8 days", "error 21101 invalid token: the token lives longer than 7 days",
                join(client(), "d", token("d", now(), now() + WEEK + 1, all(0)), null));

        // No privileges at all: in the room, but neither publishing nor subscribing.
        WebSocketRecorder bare = client();
        cases++;
        check("empty privileges join", "joined", join(bare, "bare", token("bare", now(), now() + 600, Map.of()), null));
        watcher.nextJson("member-joined");
        cases++;
        check("empty privileges publish", "error 21130 the token does not grant publishing", request(bare, "update", "state", AUDIO));
        bare.send(subscribe("watcher"));
        cases++;
        check("empty privileges subscribe", "error 21136 the token does not grant subscribing", answer(nextForSelf(bare)));

        // Audio only: video refused, audio allowed.
        WebSocketRecorder audio = client();
        join(audio, "audio", token("audio", now(), now() + 600, grants(0, Privilege.PUBLISH_AUDIO_STREAM, Privilege.SUBSCRIBE_STREAM)), null);
        watcher.nextJson("member-joined");
        cases++;
        check("audio-only publishes video", "error 21130 the token does not grant publishing", request(audio, "update", "state", AUDIO_AND_VIDEO));
        cases++;
        check("audio-only publishes audio", "ack", request(audio, "update", "state", AUDIO));
        watcher.nextJson("member-updated");

        // A publish privilege already expired at join.
        WebSocketRecorder late = client();
        join(late, "late", token("late", now() - 100, now() + 600, Map.of(Privilege.PUBLISH_STREAM, now() - 1,
                Privilege.SUBSCRIBE_STREAM, 0L)), null);
        watcher.nextJson("member-joined");
        cases++;
        check("expired publish privilege", "error 21130 the token does not grant publishing", request(late, "update", "state", AUDIO));

        // A publish privilege expiring mid-call: the server stops the publishing and tells everyone.
        WebSocketRecorder brief = client();
        join(brief, "brief", token("brief", now(), now() + 600, Map.of(Privilege.PUBLISH_STREAM, now() + 2,
                Privilege.SUBSCRIBE_STREAM, 0L)), null);
        watcher.nextJson("member-joined");
        request(brief, "update", "state", AUDIO);
        watcher.nextJson("member-updated");
        JsonNode revoked = brief.nextJson("publish-revoked");
        cases++;
        check("privilege expiry: the member is told", 21130, revoked.path("code").asInt());
        JsonNode seen = watcher.nextJson("member-updated");
        cases++;
        check("privilege expiry: the others see it stop", "brief false",
                seen.path("member").path("userId").asText() + " " + seen.path("member").path("state").path("audioPublished").asBoolean());

        // update-token: a subscribe-only token stops publishing; bad tokens are refused and change nothing.
        cases++;
        check("update-token to another user's token", "error 21101 invalid token: the token is for another user",
                request(audio, "update-token", "token", BadFrames.q(token("someone", now(), now() + 600, all(0)))));
        cases++;
        check("update-token to an expired token", expired,
                request(audio, "update-token", "token", BadFrames.q(token("audio", now() - 700, now() - 100, all(0)))));
        cases++;
        check("update-token to a never-expiring token past 7 days", expired,
                request(audio, "update-token", "token", BadFrames.q(token("audio", now() - WEEK - 5, 0, all(0)))));
        audio.send("{\"v\":1,\"type\":\"update-token\",\"id\":" + audio.id() + ",\"token\":"
                + BadFrames.q(token("audio", now(), now() + 600, grants(0, Privilege.SUBSCRIBE_STREAM))) + "}");
        cases++;
        check("update-token to subscribe-only: told", "publish-revoked", answer(nextForSelf(audio)));
        cases++;
        check("update-token to subscribe-only: answered", "ack", answer(nextForSelf(audio)));
        cases++;
        check("update-token to subscribe-only: others see it stop", false,
                watcher.nextJson("member-updated").path("member").path("state").path("audioPublished").asBoolean());
        cases++;
        check("update-token to subscribe-only: no publishing after", "error 21130 the token does not grant publishing",
                request(audio, "update", "state", AUDIO));

        // A never-expiring token ends on its 7th day: warned at once, then kicked.
        WebSocketRecorder old = client();
        String oldToken = token("old", now() - WEEK + 3, 0, all(0));
        JsonNode joined;
        old.send(new BadFrames().join(DEV, "r", "old", oldToken).render());
        joined = old.nextJson("joined");
        watcher.nextJson("member-joined");
        cases++;
        check("7-day bound: expiry announced", joined.path("tokenExpireAt").asLong(), old.nextJson("token-will-expire").path("expireAt").asLong());
        cases++;
        check("7-day bound: kicked", 21108, old.nextJson("kicked").path("code").asInt());
        cases++;
        JsonNode left = watcher.nextJson("member-left");
        check("7-day bound: others see the kick", "old kicked", left.path("userId").asText() + " " + left.path("reason").asText());
        // Resuming the kicked session with the expired token is refused.
        cases++;
        check("resume after expiry", expired, join(client(), "old", oldToken, joined.path("sessionId").asText()));

        Figures.record("Faults", "tokens played against every moment the spec names: join (expired, a never-expiring token "
                + "past 7 days, issued in the future, too long, no privileges, audio only, an expired publish privilege), a "
                + "publish privilege expiring mid-call, update-token (another user's, expired, past 7 days, subscribe-only), "
                + "the 7th day of a never-expiring token, resume after expiry (`TokenTimingTest`)", cases, failures.size());
        assertEquals(List.of(), failures);
    }
}
