package dev.ttrtc.bench;

import java.time.Instant;

/**
 * Time stamps. Within one JVM, benchmarks use {@link System#nanoTime()}. Across processes, and
 * where the host's event log is the reference (its entries carry an {@link Instant} from the
 * system clock), they use wall-clock microseconds, which Linux gives with microsecond resolution.
 */
public final class Clocks {
    private Clocks() {
    }

    public static long epochMicros() {
        return micros(Instant.now());
    }

    public static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    public static double millisBetweenMicros(long fromMicros, long toMicros) {
        return (toMicros - fromMicros) / 1000.0;
    }

    public static double millisSince(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1e6;
    }
}
