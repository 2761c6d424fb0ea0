package dev.ttrtc.automator.internal;

/** A request that fails with one of the {@link AutomatorError}s; its message is sent to the client as is. */
final class AutomatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient AutomatorError code;

    AutomatorException(AutomatorError code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    AutomatorError code() {
        return code;
    }
}
