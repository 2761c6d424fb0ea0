package dev.ttrtc.view;

import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A quick measurement, not a test: further launches of the sample with the shared engine warm. */
public final class QuickLaunchTiming {
    private QuickLaunchTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : "sample-miniapp");
        try (MiniProgramHost host = MiniProgramHost.create()) {
            List<Long> samples = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                long start = System.nanoTime();
                MiniProgram app = host.launch(LaunchOptions.builder(project).build());
                long took = System.nanoTime() - start;
                app.close();
                if (i >= 20) {
                    samples.add(took);
                }
            }
            Collections.sort(samples);
            System.out.printf("launch %s: p50 %.2f ms  p95 %.2f ms (n=%d)%n", project, samples.get(samples.size() / 2) / 1e6,
                    samples.get(samples.size() * 95 / 100) / 1e6, samples.size());
        }
    }
}
