package dev.ttrtc.bench.startup;

import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.Clocks;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Projects;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Table;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Time per further instance once the host's shared GraalJS engine is warm: launches a project
 * again and again in one JVM (after a few warm-ups) and times {@code launch()}, which returns once
 * app.js ran and the first page is loaded. Each instance is closed before the next, so the
 * numbers do not include a growing crowd.
 */
public final class InstanceLaunchBench implements Benchmark {

    @Override
    public String id() {
        return "startup.launch";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("launches", 30, 5, "measured launches per project"),
                Flags.Spec.of("launch-warmups", 3, 1, "unmeasured launches first"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int launches = flags.integer("launches");
        int warmups = flags.integer("launch-warmups");
        Table table = Table.latency(id(), "Further instances with the shared engine", "project", "step")
                .describe("One JVM, one MiniProgramHost; " + warmups + " warm-up launches, then " + launches
                        + " launches one after the other, each closed before the next. `minimal` is a generated one-page "
                        + "project without RTC; `sample-miniapp` also creates its RTC room context (with media, no server).");
        measure("minimal", Projects.minimal(), launches, warmups, table, report);
        measure("sample-miniapp", Projects.sample(), launches, warmups, table, report);
        report.table(table);
    }

    private static void measure(String label, Path project, int launches, int warmups, Table table, Report report)
            throws Exception {
        report.progress("launching " + label + " " + (warmups + launches) + " times");
        List<Double> launchMillis = new ArrayList<>();
        List<Double> closeMillis = new ArrayList<>();
        try (MiniProgramHost host = MiniProgramHost.create()) {
            LaunchOptions options = LaunchOptions.builder(project).build();
            for (int i = 0; i < warmups + launches; i++) {
                long start = System.nanoTime();
                MiniProgram program = host.launch(options);
                long launched = System.nanoTime();
                program.close();
                long closed = System.nanoTime();
                if (i >= warmups) {
                    launchMillis.add(Clocks.millisSince(start, launched));
                    closeMillis.add(Clocks.millisSince(launched, closed));
                }
            }
        }
        table.summaryRow(Stats.of(launchMillis), label, "launch()");
        table.summaryRow(Stats.of(closeMillis), label, "close()");
    }
}
