package dev.ttrtc.bridge.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AccessTokenTest {
    static final String APP_ID = "0123456789abcdef01234567";
    static final String APP_KEY = "secret-app-key";
    static final long NOW = 1_800_000_000L;
    final TokenVerifier verifier = new TokenVerifier(Map.of(APP_ID, APP_KEY));

    /** Builds a token byte by byte from the documented layout, independently of AccessToken. */
    static String handMadeToken(String appId, String key, String room, String user, long issued, long expire) throws Exception {
        byte[] roomBytes = room.getBytes(StandardCharsets.UTF_8);
        byte[] userBytes = user.getBytes(StandardCharsets.UTF_8);
        ByteBuffer msg = ByteBuffer.allocate(12 + 2 + roomBytes.length + 2 + userBytes.length + 2 + 2 * 6)
                .order(ByteOrder.LITTLE_ENDIAN);
        msg.putInt(0x01020304).putInt((int) issued).putInt((int) expire);
        msg.putShort((short) roomBytes.length).put(roomBytes);
        msg.putShort((short) userBytes.length).put(userBytes);
        msg.putShort((short) 2);
        msg.putShort((short) 0).putInt((int) expire);   // PublishStream
        msg.putShort((short) 4).putInt((int) expire);   // SubscribeStream
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal(msg.array());
        ByteBuffer content = ByteBuffer.allocate(2 + msg.capacity() + 2 + signature.length).order(ByteOrder.LITTLE_ENDIAN);
        content.putShort((short) msg.capacity()).put(msg.array());
        content.putShort((short) signature.length).put(signature);
        return "001" + appId + Base64.getEncoder().encodeToString(content.array());
    }

    @Test
    void a_token_built_by_hand_from_the_byte_layout_verifies() throws Exception {
        String token = handMadeToken(APP_ID, APP_KEY, "room-1", "alice", NOW - 10, NOW + 3600);
        AccessToken parsed = verifier.verify(token, APP_ID, "room-1", "alice", NOW);
        assertEquals(0x01020304L, parsed.nonce());
        assertEquals(NOW + 3600, parsed.expireAt());
        assertTrue(parsed.grants(Privilege.PUBLISH_STREAM, NOW));
        assertTrue(parsed.grants(Privilege.SUBSCRIBE_STREAM, NOW));
    }

    @Test
    void serialize_produces_exactly_the_hand_made_bytes() throws Exception {
        AccessToken token = new AccessToken(APP_ID, "room-1", "alice", 0x01020304L, NOW - 10, NOW + 3600,
                Map.of(Privilege.SUBSCRIBE_STREAM, NOW + 3600, Privilege.PUBLISH_STREAM, NOW + 3600));
        assertEquals(handMadeToken(APP_ID, APP_KEY, "room-1", "alice", NOW - 10, NOW + 3600), token.serialize(APP_KEY));
    }

    @Test
    void changing_any_single_byte_makes_the_token_invalid() throws Exception {
        String token = handMadeToken(APP_ID, APP_KEY, "room-1", "alice", NOW - 10, NOW + 3600);
        byte[] content = Base64.getDecoder().decode(token.substring(27));
        for (int i = 0; i < content.length; i++) {
            byte[] changed = content.clone();
            changed[i] ^= 0x01;
            String forged = token.substring(0, 27) + Base64.getEncoder().encodeToString(changed);
            assertThrows(InvalidTokenException.class, () -> verifier.verify(forged, APP_ID, "room-1", "alice", NOW),
                    "byte " + i);
        }
    }

    @Test
    void utf8_room_and_user_ids_round_trip() throws Exception {
        AccessToken token = AccessToken.issue(APP_ID, "房间", "用户", NOW, 600, true);
        AccessToken parsed = verifier.verify(token.serialize(APP_KEY), APP_ID, "房间", "用户", NOW);
        assertEquals(token, parsed);
    }

    @Test
    void each_check_names_its_problem() throws Exception {
        String good = AccessToken.issue(APP_ID, "r", "u", NOW, 600, true).serialize(APP_KEY);
        assertEquals(TokenProblem.WRONG_ROOM, problem(good, APP_ID, "other", "u", NOW));
        assertEquals(TokenProblem.WRONG_USER, problem(good, APP_ID, "r", "other", NOW));
        assertEquals(TokenProblem.EXPIRED, problem(good, APP_ID, "r", "u", NOW + 600));
        assertEquals(TokenProblem.NOT_YET_VALID, problem(good, APP_ID, "r", "u", NOW - 3600));
        assertEquals(TokenProblem.WRONG_APP, problem(good, "ffffffffffffffffffffffff", "r", "u", NOW));
        assertEquals(TokenProblem.MALFORMED, problem("garbage", APP_ID, "r", "u", NOW));
        assertEquals(TokenProblem.MALFORMED, problem("001" + APP_ID + "!!!", APP_ID, "r", "u", NOW));
        String otherApp = AccessToken.issue("ffffffffffffffffffffffff", "r", "u", NOW, 600, true).serialize(APP_KEY);
        assertEquals(TokenProblem.UNKNOWN_APP, problem(otherApp, "ffffffffffffffffffffffff", "r", "u", NOW));
        String otherKey = AccessToken.issue(APP_ID, "r", "u", NOW, 600, true).serialize("another-key");
        assertEquals(TokenProblem.BAD_SIGNATURE, problem(otherKey, APP_ID, "r", "u", NOW));
        String eightDays = AccessToken.issue(APP_ID, "r", "u", NOW, 8 * 24 * 3600, true).serialize(APP_KEY);
        assertEquals(TokenProblem.TOO_LONG, problem(eightDays, APP_ID, "r", "u", NOW));
    }

    @Test
    void a_token_that_never_expires_lives_seven_days_and_one_without_publish_only_subscribes() throws Exception {
        String never = AccessToken.issue(APP_ID, "r", "u", NOW, 0, true).serialize(APP_KEY);
        AccessToken forever = verifier.verify(never, APP_ID, "r", "u", NOW + AccessToken.MAX_LIFETIME_SECONDS - 1);
        assertEquals(0, forever.expireAt());
        assertEquals(NOW + AccessToken.MAX_LIFETIME_SECONDS, forever.effectiveExpireAt());
        assertTrue(forever.grants(Privilege.PUBLISH_STREAM, NOW + AccessToken.MAX_LIFETIME_SECONDS - 1));
        assertFalse(forever.grants(Privilege.PUBLISH_STREAM, NOW + AccessToken.MAX_LIFETIME_SECONDS));
        assertEquals(TokenProblem.EXPIRED, problem(never, APP_ID, "r", "u", NOW + AccessToken.MAX_LIFETIME_SECONDS));
        AccessToken listener = verifier.verify(AccessToken.issue(APP_ID, "r", "u", NOW, 600, false).serialize(APP_KEY),
                APP_ID, "r", "u", NOW);
        assertFalse(listener.grants(Privilege.PUBLISH_STREAM, NOW));
        assertTrue(listener.grants(Privilege.SUBSCRIBE_STREAM, NOW));
    }

    @Test
    void a_token_with_an_empty_privilege_map_is_well_formed_and_grants_nothing() throws Exception {
        String bare = new AccessToken(APP_ID, "r", "u", 1, NOW, NOW + 600, Map.of()).serialize(APP_KEY);
        AccessToken parsed = verifier.verify(bare, APP_ID, "r", "u", NOW);
        assertTrue(parsed.privileges().isEmpty());
        assertFalse(parsed.grants(Privilege.SUBSCRIBE_STREAM, NOW));
    }

    private TokenProblem problem(String token, String appId, String room, String user, long now) {
        return assertThrows(InvalidTokenException.class, () -> verifier.verify(token, appId, room, user, now)).problem();
    }
}
