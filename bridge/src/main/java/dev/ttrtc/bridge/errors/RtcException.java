package dev.ttrtc.bridge.errors;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

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

    /**
     * Why a future failed, as an RtcException: the one unwrapping of {@link CompletionException}
     * and {@link ExecutionException}. A request the room server never answered is
     * {@link RtcError#NO_ANSWER}; any other failure is a {@link RtcError#JOIN_FAILED} with its
     * message.
     */
    public static RtcException from(Throwable failure) {
        Throwable cause = causeOf(failure);
        if (cause instanceof RtcException rtc) {
            return rtc;
        }
        if (cause instanceof TimeoutException) {
            // TimeoutException has no message.
            return of(RtcError.NO_ANSWER);
        }
        return cause.getMessage() == null ? of(RtcError.REQUEST_FAILED) : of(RtcError.JOIN_FAILED, cause.getMessage());
    }

    /** The failure inside the {@link CompletionException}/{@link ExecutionException} wrappers futures add. */
    public static Throwable causeOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public RtcError error() {
        return error;
    }

    public String detail() {
        return detail;
    }
}
