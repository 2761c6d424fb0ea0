package dev.ttrtc.bridge.signal;

/**
 * Every error the RTC layer reports, with its stable errNo and message template. The JS faces
 * turn these into fail payloads ({@code "<method>:fail " + detail}) and event payloads; the room
 * server's error frames carry the same code and wire name.
 *
 * <p>Codes below 40000 are the platform's documented errNo values, or host codes (213xx) where
 * the platform is silent (listed in the README); 4xxxx are protocol errors that only a broken or
 * hostile client sees.
 */
public enum RtcError {
    // Documented by the platform.
    AUTH_DENY(10200, "auth-deny", "auth deny"),
    PARAMETER(20000, "parameter", "%s"),
    ALREADY_IN_ROOM(21100, "already-in-room", "user %s is already in the room %s"),
    INVALID_TOKEN(21101, "invalid-token", "invalid token"),
    JOIN_FAILED(21102, "join-failed", "%s"),
    NO_CAMERA_PERMISSION(21105, "no-camera-permission", "no camera permission"),
    NO_MICROPHONE_PERMISSION(21106, "no-microphone-permission", "no microphone permission"),
    TOKEN_EXPIRED(21108, "token-expired", "token expired"),
    UPDATE_TOKEN_INVALID(115902, "invalid-token", "invalid token"),
    ENGINE_DESTROYED(115910, "engine-destroyed",
            "engine has been destroyed,please invoke tt.createRtcRoomContext create new engine"),
    SCREEN_SUBSCRIBE_FAILED(115999, "screen-subscribe-failed", "%s"),
    SWITCH_CAMERA_PARAMETER(172299, "parameter", "%s"),

    // Host codes where the platform documents none.
    PUBLISH_NOT_ALLOWED(21130, "publish-not-allowed", "%s"),
    PUBLISHER_LIMIT(21131, "publisher-limit", "the room already has %d publishing users"),
    DUPLICATE_LOGIN(21132, "duplicate-login", "user %s joined the room %s from another session"),
    CONNECTION_LOST(21133, "connection-lost", "lost the connection to the room server"),
    RECONNECTING(21134, "reconnecting", "reconnecting to the room server"),
    RECONNECTED(21135, "reconnected", "reconnected to the room server"),

    // Protocol errors.
    MALFORMED_MESSAGE(40001, "malformed", "%s"),
    UNSUPPORTED_VERSION(40002, "unsupported-version", "protocol version %s is not supported; this server speaks %d"),
    UNKNOWN_TYPE(40003, "unknown-type", "unknown message type \"%s\""),
    MESSAGE_TOO_LARGE(40004, "too-large", "message of %d bytes exceeds %d bytes"),
    OUT_OF_ORDER(40005, "out-of-order", "%s"),
    NO_SUCH_MEMBER(40006, "no-such-member", "user %s is not in the room"),
    RATE_LIMITED(40007, "rate-limited", "more than %d messages a second"),
    TOO_MANY_ERRORS(40008, "too-many-errors", "too many bad messages; disconnecting");

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

    /** The error with this code, or null. */
    public static RtcError ofCode(int code) {
        for (RtcError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}
