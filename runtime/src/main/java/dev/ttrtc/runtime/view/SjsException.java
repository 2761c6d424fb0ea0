package dev.ttrtc.runtime.view;

/** An SJS module failed: the message is one line for the user, with the location when known. */
public final class SjsException extends Exception {
    private static final long serialVersionUID = 1L;

    public SjsException(String message) {
        super(message);
    }
}
