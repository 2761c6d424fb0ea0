package dev.ttrtc.runtime.api;

/** errNo values shared by every API (documented by the platform). */
public final class ApiErrors {
    /** The user refused the camera or microphone. */
    public static final int AUTH_DENY = 10200;
    /** The detail of {@link #AUTH_DENY}, as documented. */
    public static final String AUTH_DENY_DETAIL = "auth deny";
    /** A parameter is missing or has the wrong type or value; the detail names it. */
    public static final int PARAMETER_ERROR = 20000;
    /** Host rule: the API failed inside the host; the detail says why. */
    public static final int INTERNAL_ERROR = 20001;

    private ApiErrors() {
    }
}
