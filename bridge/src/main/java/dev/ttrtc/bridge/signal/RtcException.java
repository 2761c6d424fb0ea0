package dev.ttrtc.bridge.signal;

/** An RTC operation failed with a catalogued error and its detail text. */
public final class RtcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RtcError error;
    private final String detail;

    public RtcException(RtcError error, String detail) {
        super(error.name() + " (" + error.code() + "): " + detail, null, false, false);
        this.error = error;
        this.detail = detail;
    }

    /** The error with its template filled with {@code args}. */
    public static RtcException of(RtcError error, Object... args) {
        return new RtcException(error, error.detail(args));
    }

    public RtcError error() {
        return error;
    }

    public String detail() {
        return detail;
    }
}
