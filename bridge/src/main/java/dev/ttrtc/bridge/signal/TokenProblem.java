package dev.ttrtc.bridge.signal;

/** Why a token was refused. JS sees every one as errNo 21101 "invalid token"; logs and error frames say which. */
public enum TokenProblem {
    MALFORMED("malformed", "the token is not a well-formed \"001\" token"),
    UNKNOWN_APP("unknown-app", "the token's appId is not configured on this server"),
    WRONG_APP("wrong-app", "the token is for another appId"),
    BAD_SIGNATURE("bad-signature", "the token's signature does not match the app key"),
    WRONG_ROOM("wrong-room", "the token is for another room"),
    WRONG_USER("wrong-user", "the token is for another user"),
    EXPIRED("expired", "the token has expired"),
    NOT_YET_VALID("not-yet-valid", "the token was issued in the future"),
    TOO_LONG("too-long", "the token lives longer than 7 days");

    private final String wireName;
    private final String description;

    TokenProblem(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }
}
