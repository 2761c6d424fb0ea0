package dev.ttrtc.runtime.api;

/** errNo values shared by every API (documented by the platform). */
public final class ApiErrors {
    /**
     * Host choice: the user cancelled a dialog (an action sheet). The platform documents the errMsg
     * detail {@code cancel} but no errNo for it.
     */
    public static final int USER_CANCEL = 10001;
    /** The user refused the camera or microphone. */
    public static final int AUTH_DENY = 10200;
    /** The detail of {@link #AUTH_DENY}, as documented. */
    public static final String AUTH_DENY_DETAIL = "auth deny";
    /** A parameter is missing or has the wrong type or value; the detail names it. */
    public static final int PARAMETER_ERROR = 20000;
    /** A business rule of the API refused the call (no session, a url not in app.json, a tab rule). */
    public static final int BUSINESS_ERROR = 21500;
    /** Host rule: the API failed inside the host; the detail says why. */
    public static final int INTERNAL_ERROR = 20001;

    private ApiErrors() {
    }
}
