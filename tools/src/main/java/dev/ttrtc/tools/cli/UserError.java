package dev.ttrtc.tools.cli;

/** A problem the user can fix (a bad flag value, a broken file): shown as one line, exit code 2. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message, null, false, false);
    }
}
