package dev.ttrtc.bridge.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue against the contract: the documented errNo values and texts of
 * {@code shared/spec/tt-rtc-api.md} and {@code mini-game-engine.md} (the authority), and the host
 * codes of the README.
 */
class RtcErrorTest {

    private static void assertEntry(RtcError error, int code, String detail, Object... args) {
        assertEquals(code, error.code(), error.name());
        assertEquals(detail, error.detail(args), error.name());
    }

    @Test
    void documented_codes_carry_the_documented_texts() {
        assertEntry(RtcError.AUTH_DENY, 10200, "auth deny");
        assertEntry(RtcError.PARAMETER, 20000, "expect params.state to be one of 0, 1, but got 7",
                "expect params.state to be one of 0, 1, but got 7");
        assertEntry(RtcError.ALREADY_IN_ROOM, 21100, "user me is already in the room r", "me", "r");
        assertEntry(RtcError.INVALID_TOKEN, 21101, "invalid token");
        assertEntry(RtcError.JOIN_FAILED, 21102, "other join failure", "other join failure");
        assertEntry(RtcError.NO_CAMERA_PERMISSION, 21105, "no camera permission");
        assertEntry(RtcError.NO_MICROPHONE_PERMISSION, 21106, "no microphone permission");
        assertEntry(RtcError.TOKEN_EXPIRED, 21108, "token expired");
        assertEntry(RtcError.UPDATE_TOKEN_INVALID, 115902, "invalid token");
        assertEntry(RtcError.ENGINE_DESTROYED, 115910,
                "engine has been destroyed,please invoke tt.createRtcRoomContext create new engine");
        assertEntry(RtcError.SCREEN_NOT_A_MEMBER, 115999, "user bob is not in the room", "bob");
        assertEntry(RtcError.SWITCH_CAMERA_PARAMETER, 172299,
                "expect params.camera to be one of \"back\", \"front\", but got side",
                "expect params.camera to be one of \"back\", \"front\", but got side");
    }

    @Test
    void host_codes_are_the_readme_table() {
        assertEquals(21130, RtcError.NO_PUBLISH_PRIVILEGE.code());
        assertEquals(21130, RtcError.INVISIBLE_PUBLISHER.code());
        assertEntry(RtcError.PUBLISHER_LIMIT, 21131, "the room already has 30 publishing users", 30);
        assertEntry(RtcError.DUPLICATE_LOGIN, 21132, "user me joined the room r from another session", "me", "r");
        assertEntry(RtcError.CONNECTION_LOST, 21133, "lost the connection to the room server");
        assertEntry(RtcError.RECONNECTING, 21134, "reconnecting to the room server");
        assertEntry(RtcError.RECONNECTED, 21135, "reconnected to the room server");
        assertEntry(RtcError.ROOM_FULL, 21102, "room big is full: at most 50 visible users", "big", 50);
        assertEntry(RtcError.ROOM_FULL_OF_INVISIBLE, 21102, "room big is full: at most 50 invisible users", "big", 50);
        assertEntry(RtcError.PUBLISH_PRIVILEGE_ENDED, 21130, "the token no longer grants publishing");
        assertEntry(RtcError.NO_SUBSCRIBE_PRIVILEGE, 21136, "the token does not grant subscribing");
        assertEntry(RtcError.TOO_MANY_CONNECTIONS, 40009, "more than 1000 connections from one address; disconnecting", 1000);
        assertEntry(RtcError.TOO_SLOW, 40010, "more than 1048576 bytes left unread; disconnecting", 1048576);
        assertEntry(RtcError.NO_ANSWER, 21102, "the room server did not answer in time");
    }

    @Test
    void the_mini_game_codes_are_101_102_103() {
        assertEntry(RtcError.INSTANCE_RELEASED, 101, "instance released");
        assertEntry(RtcError.NOT_IN_A_CHANNEL, 102, "not in a channel");
        assertEntry(RtcError.ALREADY_IN_CHANNEL, 102, "user u is already in the channel c", "u", "c");
        assertEntry(RtcError.VOLUME_RANGE, 103, "expect volume to be an integer from 0 to 200, but got 201", "201");
    }

    @Test
    void an_id_parameter_error_names_the_parameter_and_the_rule() {
        assertEquals("expect params.roomId to be 1-128 characters of A-Z a-z 0-9 _ @ - ., but got a b",
                RtcError.INVALID_ID_PARAMETER.detail("params.roomId", "a b"));
    }

    @Test
    void a_code_has_one_wire_name_and_maps_back_to_its_first_entry() {
        Map<Integer, RtcError> first = new HashMap<>();
        for (RtcError e : RtcError.values()) {
            RtcError generic = first.computeIfAbsent(e.code(), c -> e);
            assertEquals(generic.wireName(), e.wireName(), e.name() + " shares code " + e.code() + " with " + generic.name());
            assertSame(generic, RtcError.ofCode(e.code()), e.name());
        }
        assertSame(RtcError.INVALID_TOKEN, RtcError.ofCode(21101));
        assertSame(RtcError.JOIN_FAILED, RtcError.ofCode(21102));
        assertNull(RtcError.ofCode(1));
    }

    @Test
    void failures_of_futures_unwrap_to_their_rtc_error() {
        RtcException refused = RtcException.of(RtcError.TOKEN_EXPIRED);
        assertSame(refused, RtcException.from(new java.util.concurrent.CompletionException(
                new java.util.concurrent.ExecutionException(refused))));
        assertSame(RtcError.NO_ANSWER, RtcException.from(new java.util.concurrent.TimeoutException()).error());
        assertEquals("boom", RtcException.from(new IllegalStateException("boom")).detail());
        assertSame(RtcError.REQUEST_FAILED, RtcException.from(new IllegalStateException()).error());
    }
}
