package dev.ttrtc.tools.cli;

/** Ends the process once a command has closed everything it started. */
final class ProcessExit {
    private ProcessExit() {
    }

    static void exit(int code) {
        Runtime.getRuntime().halt(code);
    }
}
