package dev.ttrtc.bridge.engine;

/** Why a member left the room, with the native SDKs' onUserLeave numbers. */
public enum UserLeaveReason {
    /** It left (or its session ended normally). */
    LEFT(0),
    /** Its connection dropped. */
    DROPPED(1),
    /** It became invisible. */
    INVISIBLE(2),
    /** The server removed it (a duplicate login, an expired token). */
    KICKED(3);

    private final int code;

    UserLeaveReason(int code) {
        this.code = code;
    }

    /** The native SDKs' reason number. */
    public int code() {
        return code;
    }
}
