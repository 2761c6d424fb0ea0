package dev.ttrtc.bridge.errors;

import dev.ttrtc.runtime.api.ApiErrors;

/**
 * Every error the RTC layer answers, each with its errNo (or error frame code), its wire name and
 * the text template of its detail. The JS faces turn these into fail payloads
 * ({@code "<method>:fail " + detail}) and event payloads in one place ({@code tt.RtcPayloads});
 * the room server's error frames carry the same code, wire name and detail.
 *
 * <p>Several entries may share a code: one per situation, so that each text is written once. The
 * first entry of a code is the one an error frame with that code turns into ({@link #ofCode}).
 *
 * <p>Code ranges: 10200 and 20000 are the platform's errNo values shared with every tt API
 * (runtime's {@link ApiErrors}); 21100–21108 and 115xxx/172299 are the RTC room context's
 * documented codes; 21130–21136 are host codes where the platform is silent (listed in the
 * README); 101–103 are the mini-game engine's errCode values (its fail payloads carry them as
 * errNo and errCode); 4xxxx are protocol errors that only a broken or hostile client sees.
 */
public enum RtcError {
    // Documented by the platform, shared with every tt API.
    AUTH_DENY(ApiErrors.AUTH_DENY, "auth-deny", ApiErrors.AUTH_DENY_DETAIL),
    PARAMETER(ApiErrors.PARAMETER_ERROR, "parameter", "%s"),
    NOT_IN_A_ROOM(ApiErrors.PARAMETER_ERROR, "parameter", "not in a room"),
    NOT_IN_THAT_ROOM(ApiErrors.PARAMETER_ERROR, "parameter", "not in the room %s"),
    NOT_A_MEMBER(ApiErrors.PARAMETER_ERROR, "parameter", "user %s is not in the room"),
    /** Host rule: publish, subscribe and visibility changes wait for the join, up to a limit. */
    TOO_MANY_CHOICES_BEFORE_JOIN(ApiErrors.PARAMETER_ERROR, "parameter", "more than %d room changes before joining"),
    /** A room or user id parameter of a JS call: the parameter's path, then the value. */
    INVALID_ID_PARAMETER(ApiErrors.PARAMETER_ERROR, "parameter", "expect %s to be " + RtcError.ID_RULE + ", but got %s"),
    /** The ids of a join as the engine and the server check them. */
    INVALID_IDS(ApiErrors.PARAMETER_ERROR, "parameter", "roomId and userId must be " + RtcError.ID_RULE),
    APP_ID_TYPE(ApiErrors.PARAMETER_ERROR, "parameter", "expect params.appId to be string, but got %s"),
    NO_APP_ID(ApiErrors.PARAMETER_ERROR, "parameter", "expect appId to be string, but got %s (and no default appId is configured)"),
    APP_ID_FORMAT(ApiErrors.PARAMETER_ERROR, "parameter", "expect params.appId to be the 24-character RTC appId, but got %s"),
    /** A number parameter out of its range: the parameter's path, the bounds, the value. */
    INTEGER_RANGE(ApiErrors.PARAMETER_ERROR, "parameter", "expect %s to be an integer from %d to %d, but got %s"),
    EVENT_NAME_TYPE(ApiErrors.PARAMETER_ERROR, "parameter", "expect event name to be string, but got %s"),
    UNKNOWN_EVENT(ApiErrors.PARAMETER_ERROR, "parameter", "unknown event \"%s\"; events are %s"),

    // The room context's documented codes.
    ALREADY_IN_ROOM(21100, "already-in-room", "user %s is already in the room %s"),
    INVALID_TOKEN(21101, "invalid-token", "invalid token"),
    /** The server's reason for refusing a token (error frames only; JS reads "invalid token"). */
    TOKEN_REFUSED(21101, "invalid-token", "invalid token: %s"),
    JOIN_FAILED(21102, "join-failed", "%s"),
    ROOM_FULL(21102, "join-failed", "room %s is full: at most %d visible users"),
    ROOM_FULL_OF_INVISIBLE(21102, "join-failed", "room %s is full: at most %d invisible users"),
    NO_ANSWER(21102, "join-failed", "the room server did not answer in time"),
    REQUEST_FAILED(21102, "join-failed", "the request failed"),
    NO_SERVER(21102, "join-failed", "no room server is configured for this participant"
            + " (run the mini-program with tt-host run, or launch it with RtcSettings)"),
    UNREACHABLE(21102, "join-failed", "cannot reach the room server at %s: %s"),
    SHUTTING_DOWN(21102, "join-failed", "the room server is shutting down"),
    LEFT_WHILE_JOINING(21102, "join-failed", "the room was left while joining"),
    NO_CAMERA_PERMISSION(21105, "no-camera-permission", "no camera permission"),
    NO_MICROPHONE_PERMISSION(21106, "no-microphone-permission", "no microphone permission"),
    TOKEN_EXPIRED(21108, "token-expired", "token expired"),
    UPDATE_TOKEN_INVALID(115902, "invalid-token", "invalid token"),
    ENGINE_DESTROYED(115910, "engine-destroyed",
            "engine has been destroyed,please invoke tt.createRtcRoomContext create new engine"),
    SCREEN_SUBSCRIBE_FAILED(115999, "screen-subscribe-failed", "%s"),
    SCREEN_NOT_A_MEMBER(115999, "screen-subscribe-failed", "user %s is not in the room"),
    SWITCH_CAMERA_PARAMETER(172299, "parameter", "%s"),

    // Host codes where the platform documents none.
    PUBLISH_NOT_ALLOWED(21130, "publish-not-allowed", "%s"),
    INVISIBLE_PUBLISHER(21130, "publish-not-allowed", "invisible users may not publish"),
    NO_PUBLISH_PRIVILEGE(21130, "publish-not-allowed", "the token does not grant publishing"),
    /** The server stopped a member's publishing: a publish privilege expired or a new token lacks it. */
    PUBLISH_PRIVILEGE_ENDED(21130, "publish-not-allowed", "the token no longer grants publishing"),
    PUBLISHER_LIMIT(21131, "publisher-limit", "the room already has %d publishing users"),
    DUPLICATE_LOGIN(21132, "duplicate-login", "user %s joined the room %s from another session"),
    CONNECTION_LOST(21133, "connection-lost", "lost the connection to the room server"),
    RECONNECTING(21134, "reconnecting", "reconnecting to the room server"),
    RECONNECTED(21135, "reconnected", "reconnected to the room server"),
    NO_SUBSCRIBE_PRIVILEGE(21136, "subscribe-not-allowed", "the token does not grant subscribing"),

    // The mini-game engine's errCode values.
    INSTANCE_RELEASED(101, "instance-released", "instance released"),
    CALL_FAILED(102, "call-failed", "%s"),
    NOT_IN_A_CHANNEL(102, "call-failed", "not in a channel"),
    ALREADY_IN_CHANNEL(102, "call-failed", "user %s is already in the channel %s"),
    RECORD_DENIED(102, "call-failed", "auth deny: the user refused scope.record"),
    BAD_PARAMETER(103, "bad-parameter", "%s"),
    VOLUME_RANGE(103, "bad-parameter", "expect volume to be an integer from 0 to 200, but got %s"),

    // Protocol errors.
    MALFORMED_MESSAGE(40001, "malformed", "%s"),
    BINARY_FRAME(40001, "malformed", "binary frames are not supported"),
    NOT_JSON(40001, "malformed", "not JSON: %s"),
    NOT_AN_OBJECT(40001, "malformed", "a message must be a JSON object"),
    NO_VERSION(40001, "malformed", "missing \"v\" (protocol version)"),
    NO_TYPE(40001, "malformed", "missing \"type\""),
    UNSUPPORTED_VERSION(40002, "unsupported-version", "protocol version %s is not supported; this server speaks %d"),
    UNKNOWN_TYPE(40003, "unknown-type", "unknown message type \"%s\""),
    MESSAGE_TOO_LARGE(40004, "too-large", "message of %d bytes exceeds %d bytes"),
    FRAME_TOO_LARGE(40004, "too-large", "a message of more than %d bytes; disconnecting"),
    RELAY_TOO_LARGE(40004, "too-large", "the relayed message would be %d bytes, over the %d bytes clients accept"),
    OUT_OF_ORDER(40005, "out-of-order", "%s"),
    BEFORE_JOIN(40005, "out-of-order", "\"%s\" before \"join\""),
    ALREADY_JOINED(40005, "out-of-order", "already in room %s; leave first"),
    NO_SUCH_MEMBER(40006, "no-such-member", "user %s is not in the room"),
    SIGNAL_TO_SELF(40006, "no-such-member", "signal data goes to another member, not to yourself"),
    RATE_LIMITED(40007, "rate-limited", "more than %d messages a second"),
    SIGNAL_RATE_LIMITED(40007, "rate-limited", "more than %d bytes of signal data a second"),
    TOO_MANY_ERRORS(40008, "too-many-errors", "too many bad messages; disconnecting"),
    TOO_MANY_CONNECTIONS(40009, "too-many-connections", "more than %d connections from one address; disconnecting"),
    TOO_SLOW(40010, "too-slow", "more than %d bytes left unread; disconnecting");

    /** The documented rule for room and user ids (checked by {@code signal.Ids}). */
    public static final String ID_RULE = "1-128 characters of A-Z a-z 0-9 _ @ - .";

    private final int code;
    private final String wireName;
    private final String template;

    RtcError(int code, String wireName, String template) {
        this.code = code;
        this.wireName = wireName;
        this.template = template;
    }

    /** The errNo (or error frame code). */
    public int code() {
        return code;
    }

    public String wireName() {
        return wireName;
    }

    /** The detail text for these arguments. */
    public String detail(Object... args) {
        return String.format(template, args);
    }

    /** The generic entry of this code (the first declared), or null. */
    public static RtcError ofCode(int code) {
        for (RtcError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}
