package dev.ttrtc.bridge.engine;

/** WebRTC's native library cannot run on this machine; the message says what to install. */
public final class MediaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
