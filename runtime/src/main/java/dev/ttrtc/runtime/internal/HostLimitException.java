package dev.ttrtc.runtime.internal;

/**
 * A value from JS went past one of the host's limits (a string longer, or data nested deeper,
 * than the host's JSON reader takes). Host functions turn it into a JS {@code RangeError} with
 * this message (see {@link JsBridge#guarded}); it never names a Java class.
 */
final class HostLimitException extends RuntimeException {
    HostLimitException(String message) {
        super(message, null, false, false);
    }
}
