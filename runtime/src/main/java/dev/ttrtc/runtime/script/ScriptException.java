package dev.ttrtc.runtime.script;

/**
 * JS code of a {@link ScriptContext} threw (or did not parse). The message is the error as
 * people read it: its text and, where known, {@code file:line:column}.
 */
public final class ScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean cancelled;

    /** @param cause the engine's own exception, kept so that JS calling back through Java sees the original error */
    public ScriptException(String message, boolean cancelled, Throwable cause) {
        super(message, cause, false, false);
        this.cancelled = cancelled;
    }

    /** Whether the code did not fail but was stopped because its context closed. */
    public boolean cancelled() {
        return cancelled;
    }
}
