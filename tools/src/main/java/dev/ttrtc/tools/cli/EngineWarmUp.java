package dev.ttrtc.tools.cli;

import dev.ttrtc.runtime.MiniProgramHost;

/**
 * Creates the JVM's shared JS engine and parses the host's own scripts on its own thread (about
 * a second on a cold JVM), so that they are ready when the command's checks, servers and media
 * factories are.
 */
final class EngineWarmUp {
    private EngineWarmUp() {
    }

    static void start() {
        Thread warmUp = new Thread(() -> {
            try {
                MiniProgramHost.warmUp();
                StartupTrace.mark("JS engine ready");
            } catch (RuntimeException | LinkageError e) {
                // The first launch makes the engine itself and reports what fails there, in one line.
            }
        }, "tt-engine-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }
}
