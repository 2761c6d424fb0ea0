package dev.ttrtc.runtime.internal.compile;

/**
 * The compile step could not run at all (no compiler for this platform, the compiler crashed or
 * did not finish), as opposed to a file it refused ({@link CompileError}). The message is one
 * line for the user.
 */
public final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    public CompileException(String message) {
        super(message);
    }

    public CompileException(String message, Throwable cause) {
        super(message, cause);
    }
}
