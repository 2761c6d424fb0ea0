package dev.ttrtc.bench.view;

import java.util.List;

/**
 * One renderer's per-step times (ms) for one case, measured twice in the same run, the same way
 * on both sides: {@code early} is consecutive steps right after the warm-up steps; {@code warm}
 * is {@link #BURSTS} bursts of consecutive steps spread over the second half of the warm-up time,
 * so that one phase of the machine or the runtime (a garbage collection, a recompilation, the
 * kernel reclaiming memory) cannot decide the result alone.
 */
record PatchTimes(List<Double> early, List<Double> warm) {
    static final int BURSTS = 10;

    /** How many of {@code samples} warm burst {@code burst} (from 0) measures: as even a share as can be. */
    static int burstSamples(int samples, int burst) {
        return samples / BURSTS + (burst < samples % BURSTS ? 1 : 0);
    }

    /** Seconds after a case's first step at which warm burst {@code burst} (from 0) starts. */
    static double burstStart(int warmSeconds, int burst) {
        return warmSeconds / 2.0 + burst * warmSeconds / (2.0 * BURSTS);
    }
}
