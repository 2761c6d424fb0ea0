package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.signal.RtcError;
import dev.ttrtc.bridge.signal.RtcException;
import dev.ttrtc.runtime.api.ApiException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The one place that turns RTC errors into the documented fail payloads of the JS faces. */
final class RtcFailures {
    private RtcFailures() {
    }

    static ApiException of(RtcError error, Object... args) {
        return new ApiException(error.code(), error.detail(args));
    }

    /**
     * The fail payload for an engine failure. Token failures always read "invalid token", as
     * documented; the server's reason stays in the logs.
     */
    static ApiException of(Throwable failure) {
        RtcException rtc = unwrap(failure);
        String detail = switch (rtc.error()) {
            case INVALID_TOKEN, UPDATE_TOKEN_INVALID -> rtc.error().detail();
            default -> rtc.detail();
        };
        return new ApiException(rtc.error().code(), detail);
    }

    static RtcException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RtcException rtc) {
            return rtc;
        }
        if (cause instanceof TimeoutException) {
            // A request the room server never answered (TimeoutException has no message).
            return RtcException.of(RtcError.JOIN_FAILED, "the room server did not answer in time");
        }
        return RtcException.of(RtcError.JOIN_FAILED, cause.getMessage() == null ? "the request failed" : cause.getMessage());
    }
}
