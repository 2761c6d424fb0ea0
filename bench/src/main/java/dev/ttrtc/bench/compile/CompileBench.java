package dev.ttrtc.bench.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.ChildJvm;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Projects;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compilers the compile step could use, on one generated project of real size (half ES-module
 * JavaScript, half TypeScript): each in fresh JVMs (load the compiler, compile the whole project),
 * then warm in the same JVM (the whole project again, and one file). docs/compile.md explains the
 * choice these numbers led to.
 */
public final class CompileBench implements Benchmark {

    @Override
    public String id() {
        return "compile.candidates";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("compile-cold-runs", 3, 1, "fresh JVMs per compiler"),
                Flags.Spec.of("compile-warm-reps", 5, 2, "warm compiles of the whole project per JVM (and of one file)"),
                Flags.Spec.of("compile-warm-seconds", 30, 10, "stop the warm repetitions of one JVM after this long"),
                Flags.Spec.of("compile-files", 50, 10, "modules in the generated project"),
                Flags.Spec.of("compile-blocks", 5, 2, "code blocks per module (5 gives about 200 lines)"),
                Flags.Spec.of("compile-candidates", String.join(",", Candidate.NAMES), String.join(",", Candidate.NAMES),
                        "compilers to measure"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int coldRuns = flags.integer("compile-cold-runs");
        int files = flags.integer("compile-files");
        int blocks = flags.integer("compile-blocks");
        List<String> candidates = Arrays.asList(flags.string("compile-candidates").split(","));
        Path compilers = Projects.root().resolve("bench/target/compilers");
        report.progress("installing the JS compilers into " + compilers + " (npm, first run only)");
        JsCompilers.install(compilers);
        Path project = Files.createTempDirectory("tt-bench-compile-");
        List<SyntheticProject.SourceFile> sources = SyntheticProject.write(project, files, blocks);
        int lines = sources.stream().mapToInt(SyntheticProject.SourceFile::lines).sum();

        Table table = new Table(id(), "Compilers on a generated project (" + sources.size() + " files, " + lines
                + " lines, half TypeScript)", List.of("compiler", "ES modules → CommonJS", "load p50 ms",
                "fresh JVM: load + project p50 ms", "warm: project p50 ms", "warm: one file p50 ms", "JVMs", "warm runs"))
                .describe("Each fresh JVM (GraalJS already started, as in the host) loads the compiler and compiles every "
                        + "file to CommonJS with a source map; then compiles the project again (warm) and one TypeScript "
                        + "file. esbuild is the host's own compile step (one child process per batch); swc4j 2.0.0 runs in "
                        + "process over JNI; sucrase " + JsCompilers.SUCRASE.split("@")[1] + ", TypeScript "
                        + JsCompilers.TYPESCRIPT.split("@")[1] + " (transpileModule) and Babel "
                        + JsCompilers.BABEL.split("@")[2] + " (standalone) run in a GraalJS context of their own "
                        + "(interpreted on JDK 17).");
        for (String name : candidates) {
            List<Double> load = new ArrayList<>();
            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            List<Double> one = new ArrayList<>();
            long stillModules = 0;
            long outputs = 0;
            for (int run = 0; run < coldRuns; run++) {
                report.progress("compile: " + name + " " + (run + 1) + "/" + coldRuns);
                JsonNode result = ChildJvm.run(ChildJvm.command(CompileChild.class, List.of(name, compilers.toString(),
                        project.toString(), String.valueOf(files), String.valueOf(blocks),
                        String.valueOf(flags.integer("compile-warm-reps")),
                        String.valueOf(flags.integer("compile-warm-seconds")))), Duration.ofMinutes(10)).get(0);
                load.add(result.get("load_ms").asDouble());
                cold.add(result.get("cold_ms").asDouble());
                result.get("warm_ms").forEach(v -> warm.add(v.asDouble()));
                result.get("one_file_ms").forEach(v -> one.add(v.asDouble()));
                stillModules = result.get("still_modules").asLong();
                outputs = result.get("outputs").asLong();
            }
            String converts = stillModules == 0 ? "yes" : "no (" + stillModules + " of " + outputs + " outputs keep import/export)";
            table.row(name, converts, Stats.of(load).p50(), Stats.of(cold).p50(), Stats.of(warm).p50(), Stats.of(one).p50(),
                    coldRuns, warm.size());
        }
        report.table(table);
    }
}
