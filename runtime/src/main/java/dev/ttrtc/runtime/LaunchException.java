package dev.ttrtc.runtime;

/**
 * A project could not be launched: a missing folder or {@code app.json}, an unknown page, a JS
 * syntax or load error. The message is one line meant for the user, naming file:line:column
 * when the cause is in a source file.
 */
public final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message);
    }
}
