package dev.ttrtc.bench.view;

import dev.ttrtc.bench.ProcessMetrics;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tt-rtc-host side of view.patch: each case as a one-page project whose {@code step(i)} makes
 * that case's setData. The steps run back to back in one task on the instance's loop, as
 * j-component's run in one node process, and a listener takes the time each step's patch ops
 * arrive: a sample is the time from one step's ops to the next's (building the update, setData,
 * render, reconcile, ops). What a call from Java adds is the round trip, measured alone.
 */
final class HostPatchRunner implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Steps per task between measurements. */
    private static final int UNMEASURED_CHUNK = 200;

    private final MiniProgramHost host = MiniProgramHost.create(HostOptions.defaults()
            .withTaskBudget(Duration.ofSeconds(120)).withTaskAllocationBudget(64L << 30));

    /** Per-step times, early and warm ({@link PatchTimes}). */
    PatchTimes run(PatchCase patchCase, int warmup, int warmSeconds, int samples) throws Exception {
        return onPage(patchCase, (page, delivered) -> {
            long start = System.nanoTime();
            steps(page, 0, warmup);
            List<Double> early = measure(patchCase, page, delivered, warmup, samples);
            int next = warmup + samples + 1;
            List<Double> warm = new ArrayList<>(samples);
            for (int burst = 0; burst < PatchTimes.BURSTS; burst++) {
                long due = start + (long) (PatchTimes.burstStart(warmSeconds, burst) * 1e9);
                while (System.nanoTime() < due) {
                    steps(page, next, UNMEASURED_CHUNK);
                    next += UNMEASURED_CHUNK;
                }
                int burstSamples = PatchTimes.burstSamples(samples, burst);
                warm.addAll(measure(patchCase, page, delivered, next, burstSamples));
                next += burstSamples + 1;
            }
            return new PatchTimes(early, warm);
        });
    }

    /** One chunk of consecutive steps: each step's time (ms) and the process's minor page faults meanwhile. */
    record Chunk(List<Double> times, long minorFaults) {
    }

    /**
     * {@code count} chunks of {@code size} steps (each giving {@code size - 1} samples), back to
     * back from the page's first setData on: chunk i is steps i·size to (i+1)·size − 1.
     */
    List<Chunk> chunks(PatchCase patchCase, int count, int size) throws Exception {
        return onPage(patchCase, (page, delivered) -> {
            List<Chunk> chunks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long faults = ProcessMetrics.minorFaults();
                List<Double> times = measure(patchCase, page, delivered, i * size, size - 1);
                chunks.add(new Chunk(times, ProcessMetrics.minorFaults() - faults));
            }
            return chunks;
        });
    }

    private interface PageWork<T> {
        T run(MiniProgram page, List<Long> delivered) throws Exception;
    }

    // Launches the case's page and runs `work` with the times its patch ops reach a listener.
    private <T> T onPage(PatchCase patchCase, PageWork<T> work) throws Exception {
        try (MiniProgram page = host.launch(LaunchOptions.builder(project(patchCase)).build())) {
            List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
            try (AutoCloseable listener = page.view().addListener(ops -> delivered.add(System.nanoTime()))) {
                return work.run(page, delivered);
            }
        }
    }

    // samples + 1 steps from step `first`: each sample is the gap between two steps' ops.
    private static List<Double> measure(PatchCase patchCase, MiniProgram page, List<Long> delivered, int first,
            int samples) throws Exception {
        delivered.clear();
        steps(page, first, samples + 1);
        if (delivered.size() != samples + 1) {
            throw new IllegalStateException(patchCase.name() + ": " + (samples + 1) + " steps sent "
                    + delivered.size() + " patches");
        }
        List<Double> times = new ArrayList<>(samples);
        for (int i = 1; i < delivered.size(); i++) {
            times.add((delivered.get(i) - delivered.get(i - 1)) / 1e6);
        }
        return times;
    }

    private static void steps(MiniProgram page, int first, int count) throws Exception {
        page.evaluate("{ const p = getCurrentPages()[0]; for (let i = " + first + "; i < " + (first + count) + "; i++) p.step(i); }")
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The same evaluate round trip without a setData: what every host sample carries besides the patch. */
    List<Double> roundTrip(int warmup, int samples) throws Exception {
        PatchCase empty = new PatchCase("round trip", "<view>{{x}}</view>", "{ x: 0 }", "null", "true");
        try (MiniProgram page = host.launch(LaunchOptions.builder(project(empty)).build())) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < warmup + samples; i++) {
                long start = System.nanoTime();
                page.evaluate("getCurrentPages().length").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (i >= warmup) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
            return times;
        }
    }

    /** launch() of {@code page} (which returns once it is rendered and shown), after one warm-up launch. */
    List<Double> firstRender(Path project, String page, int launches) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i <= launches; i++) {
            long start = System.nanoTime();
            try (MiniProgram app = host.launch(LaunchOptions.builder(project).page(page)
                    .query("roomId", "bench").query("userId", "me").build())) {
                if (i > 0) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
                app.view().html(); // the page is rendered: its HTML is there to read
            }
        }
        return times;
    }

    private static Path project(PatchCase patchCase) throws IOException {
        Path dir = Files.createTempDirectory("tt-bench-view-");
        Files.createDirectories(dir.resolve("pages/p"));
        Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/p/p\"]}");
        Files.writeString(dir.resolve("app.js"), "App({});");
        Files.writeString(dir.resolve("pages/p/p.js"), "Page({ data: " + patchCase.initialData()
                + ", step(i) { this.setData(" + patchCase.update() + "); } });");
        Files.writeString(dir.resolve("pages/p/p.ttml"), patchCase.template());
        return dir;
    }

    @Override
    public void close() {
        host.close();
    }
}
