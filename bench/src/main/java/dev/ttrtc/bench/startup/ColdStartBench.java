package dev.ttrtc.bench.startup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.ChildJvm;
import dev.ttrtc.bench.Clocks;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Projects;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time to the first instance in a cold JVM: spawns a fresh JVM (same java, flags and class path)
 * that launches sample-miniapp once, and splits the time from the spawn into JVM start, main(),
 * GraalJS engine ready and first instance ready. No room server: the sample only creates its RTC
 * context at launch (which loads WebRTC's native library); it joins nothing.
 */
public final class ColdStartBench implements Benchmark {

    @Override
    public String id() {
        return "startup.cold";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(Flags.Spec.of("cold-runs", 5, 2, "child JVMs started for the cold-start numbers"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int runs = flags.integer("cold-runs");
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        for (String phase : List.of("spawn → JVM start", "spawn → main()", "spawn → GraalJS engine ready",
                "spawn → first instance ready", "first launch() alone", "second launch() (warm engine)")) {
            phases.put(phase, new ArrayList<>());
        }
        List<String> command = ChildJvm.command(ColdStartChild.class, List.of(Projects.sample().toString()));
        for (int i = 0; i < runs; i++) {
            report.progress("cold start " + (i + 1) + "/" + runs);
            long spawn = Clocks.epochMicros();
            JsonNode t = ChildJvm.run(command, Duration.ofSeconds(120)).get(0);
            add(phases, "spawn → JVM start", spawn, t.get("jvm_start_micros").asLong());
            add(phases, "spawn → main()", spawn, t.get("main_micros").asLong());
            add(phases, "spawn → GraalJS engine ready", spawn, t.get("engine_micros").asLong());
            add(phases, "spawn → first instance ready", spawn, t.get("launched_micros").asLong());
            add(phases, "first launch() alone", t.get("launch_start_micros").asLong(), t.get("launched_micros").asLong());
            add(phases, "second launch() (warm engine)", t.get("second_launch_start_micros").asLong(),
                    t.get("second_launched_micros").asLong());
        }
        Table table = Table.latency(id(), "Cold start: a fresh JVM to the first sample-miniapp instance", "phase")
                .describe("Each run spawns a new JVM (same java, flags and class path) that launches sample-miniapp once. "
                        + "Times are from the parent's ProcessBuilder.start() (wall clock; JVM start has millisecond "
                        + "resolution). " + runs + " runs.");
        phases.forEach((phase, samples) -> table.summaryRow(Stats.of(samples), phase));
        report.table(table);
    }

    private static void add(Map<String, List<Double>> phases, String phase, long fromMicros, long toMicros) {
        phases.get(phase).add(Clocks.millisBetweenMicros(fromMicros, toMicros));
    }
}
