package dev.ttrtc.bridge.signal;

/** Why a member left, with the native SDKs' onUserLeave numbers. */
public enum LeaveReason {
    LEFT(0, "left"),
    DROPPED(1, "dropped"),
    INVISIBLE(2, "invisible"),
    KICKED(3, "kicked");

    private final int code;
    private final String wireName;

    LeaveReason(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    public int code() {
        return code;
    }

    public String wireName() {
        return wireName;
    }

    public static LeaveReason ofWireName(String name) {
        for (LeaveReason r : values()) {
            if (r.wireName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown leave reason " + name);
    }
}
