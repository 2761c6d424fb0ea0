package dev.ttrtc.bench.compile;

import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Projects;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Table;
import dev.ttrtc.runtime.CompileStats;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.internal.compile.CompileService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the compile step costs a launch: on projects that need no compiling (the scan that finds
 * nothing to compile is all that is added), and on the generated project with an empty and with a
 * full cache (each launch in a fresh host, as a fresh process would be).
 */
public final class HostCompileBench implements Benchmark {

    @Override
    public String id() {
        return "compile.host";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("compile-scans", 30, 5, "compile steps timed on projects that need no compiling"),
                Flags.Spec.of("compile-launches", 5, 2, "launches of the generated project per cache state"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        Table table = Table.latency(id(), "The compile step in launch()", "project", "what")
                .describe("`prepare` is the compile step alone (list the project's .js/.ts files, read them, look for ES-module "
                        + "syntax, take the cache's entries, compile the rest): all a project without ES modules or TypeScript "
                        + "pays. `launch()` of the generated project (" + flags.integer("compile-files") + " modules) runs in a "
                        + "fresh host each time, with an empty cache (everything compiled) and with the cache the first "
                        + "launch filled.");
        int scans = flags.integer("compile-scans");
        for (var project : List.of(new Named("sample-miniapp", Projects.sample()), new Named("minimal", Projects.minimal()))) {
            report.progress("compile step on " + project.name());
            CompileService service = new CompileService(Files.createTempDirectory("tt-bench-cache-"), Optional.empty());
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < scans + 3; i++) {
                long t = System.nanoTime();
                service.prepare(project.dir(), false, Optional.empty());
                if (i >= 3) {
                    millis.add((System.nanoTime() - t) / 1e6);
                }
            }
            table.summaryRow(Stats.of(millis), project.name(), "prepare (nothing to compile)");
        }

        Path generated = Files.createTempDirectory("tt-bench-compile-host-");
        SyntheticProject.write(generated, flags.integer("compile-files"), flags.integer("compile-blocks"));
        int launches = flags.integer("compile-launches");
        List<Double> empty = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        CompileStats firstStats = null;
        CompileStats cachedStats = null;
        try (MiniProgramHost warmUp = MiniProgramHost.create()) {
            warmUp.launch(LaunchOptions.builder(Projects.minimal()).build()).close();
        }
        for (int i = 0; i < launches; i++) {
            report.progress("launching the generated project " + (i + 1) + "/" + launches);
            Path cache = Files.createTempDirectory("tt-bench-cache-");
            try (MiniProgramHost host = MiniProgramHost.create(HostOptions.defaults().withCompileCache(cache))) {
                empty.add(timeLaunch(host, generated));
                firstStats = host.compileStats();
            }
            try (MiniProgramHost host = MiniProgramHost.create(HostOptions.defaults().withCompileCache(cache))) {
                full.add(timeLaunch(host, generated));
                cachedStats = host.compileStats();
            }
        }
        table.summaryRow(Stats.of(empty), "generated", "launch(), empty cache (" + firstStats.compiledFiles() + " compiled)");
        table.summaryRow(Stats.of(full), "generated", "launch(), full cache (" + cachedStats.cachedFiles() + " from the cache, "
                + cachedStats.compiledFiles() + " compiled)");
        report.table(table);
    }

    private static double timeLaunch(MiniProgramHost host, Path project) throws Exception {
        long t = System.nanoTime();
        host.launch(LaunchOptions.builder(project).build()).close();
        return (System.nanoTime() - t) / 1e6;
    }

    private record Named(String name, Path dir) {
    }
}
