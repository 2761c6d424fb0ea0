package dev.ttrtc.bench.view;

import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tt-rtc-host side of view.patch: each case as a one-page project, its setData issued from
 * Java through {@code evaluate} and timed until the view's patch ops reach a listener. The time
 * therefore includes the hop onto the instance's loop and back, which {@link #roundTrip} measures
 * alone.
 */
final class HostPatchRunner implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MiniProgramHost host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(Duration.ofSeconds(60)));

    /** Per-step times in ms after the warm-up. */
    List<Double> run(PatchCase patchCase, int warmup, int samples) throws Exception {
        try (MiniProgram page = host.launch(LaunchOptions.builder(project(patchCase)).build())) {
            AtomicLong delivered = new AtomicLong();
            try (AutoCloseable listener = page.view().addListener(ops -> delivered.set(System.nanoTime()))) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < warmup + samples; i++) {
                    delivered.set(0);
                    long start = System.nanoTime();
                    page.evaluate("{ const i = " + i + "; getCurrentPages()[0].setData(" + patchCase.update() + "); }")
                            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    if (delivered.get() == 0) {
                        throw new IllegalStateException(patchCase.name() + ": step " + i + " sent no patch");
                    }
                    if (i >= warmup) {
                        times.add((delivered.get() - start) / 1e6);
                    }
                }
                return times;
            }
        }
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
        Files.writeString(dir.resolve("pages/p/p.js"), "Page({ data: " + patchCase.initialData() + " });");
        Files.writeString(dir.resolve("pages/p/p.ttml"), patchCase.template());
        return dir;
    }

    @Override
    public void close() {
        host.close();
    }
}
