package dev.ttrtc.tools.cli;

/** The host cannot run here (a missing system package, a server that failed): one line, exit code 3. */
final class HostFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HostFailure(String message) {
        super(message, null, false, false);
    }
}
