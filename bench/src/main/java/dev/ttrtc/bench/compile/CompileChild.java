package dev.ttrtc.bench.compile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.internal.compile.ModuleSyntax;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link CompileBench}: one compiler, cold then warm, on the generated project.
 * Prints one JSON line: load and first-compile times, the warm compile times, single-file times,
 * and how many outputs still contain ES-module syntax (a compiler that did not convert them).
 *
 * <p>Arguments: candidate, compilers folder, project folder, files, blocks per file, warm
 * repetitions, warm time limit in seconds.
 */
public final class CompileChild {
    private CompileChild() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Path compilers = Path.of(args[1]);
        Path project = Path.of(args[2]);
        List<SyntheticProject.SourceFile> files = SyntheticProject.sources(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        int warmReps = Integer.parseInt(args[5]);
        long warmLimitNanos = Long.parseLong(args[6]) * 1_000_000_000L;
        // The host has GraalJS running before it compiles anything: start it first so that the
        // JS compilers are not charged for the engine's own start.
        dev.ttrtc.runtime.MiniProgramHost.warmUp();

        ObjectNode out = new ObjectMapper().createObjectNode();
        try (Candidate candidate = Candidate.named(name, compilers)) {
            long start = System.nanoTime();
            candidate.load();
            long loaded = System.nanoTime();
            Map<String, String> compiled = candidate.compile(project, files);
            long done = System.nanoTime();
            out.put("candidate", name);
            out.put("load_ms", (loaded - start) / 1e6);
            out.put("cold_ms", (done - start) / 1e6);
            out.put("outputs", compiled.size());
            out.put("still_modules", compiled.values().stream().filter(ModuleSyntax::usesModules).count());

            ArrayNode warm = out.putArray("warm_ms");
            long warmStart = System.nanoTime();
            for (int i = 0; i < warmReps && System.nanoTime() - warmStart < warmLimitNanos; i++) {
                long t = System.nanoTime();
                candidate.compile(project, files);
                warm.add((System.nanoTime() - t) / 1e6);
            }
            ArrayNode single = out.putArray("one_file_ms");
            List<SyntheticProject.SourceFile> one = List.of(files.get(1));
            for (int i = 0; i < warmReps; i++) {
                long t = System.nanoTime();
                candidate.compile(project, one);
                single.add((System.nanoTime() - t) / 1e6);
            }
        }
        System.out.println(out);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
