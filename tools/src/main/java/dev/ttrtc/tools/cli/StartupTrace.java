package dev.ttrtc.tools.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Where start-up time goes, for the start-up benchmark: with {@code TT_HOST_TRACE_STARTUP=1} each
 * step prints {@code startup <ms since the JVM started> <step>} on stderr. Off by default.
 */
final class StartupTrace {
    private static final boolean ON = "1".equals(System.getenv("TT_HOST_TRACE_STARTUP"));
    private static final PrintStream OUT = System.err;

    private StartupTrace() {
    }

    static void mark(String step) {
        if (ON) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            OUT.println("startup " + sinceStart + " " + step + " [" + Thread.currentThread().getName() + "]");
        }
    }
}
