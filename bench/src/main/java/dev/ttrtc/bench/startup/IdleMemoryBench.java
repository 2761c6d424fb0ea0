package dev.ttrtc.bench.startup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.ChildJvm;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.ProcessMetrics;
import dev.ttrtc.bench.Projects;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory per idle instance: heap after GC and resident memory (VmRSS) before and after holding
 * N idle instances, divided by N. Each repeat runs in a fresh JVM: resident memory never shrinks
 * after a JVM has grown, so a second measurement in the same JVM would reuse the first one's pages
 * and report too little.
 */
public final class IdleMemoryBench implements Benchmark {

    @Override
    public String id() {
        return "startup.memory";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("idle-instances", 20, 5, "instances held idle per measurement"),
                Flags.Spec.of("idle-repeats", 3, 1, "measurements (child JVMs) per project"),
                Flags.Spec.of("idle-millis", 1000, 500, "how long the instances idle before measuring"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int count = flags.integer("idle-instances");
        int repeats = flags.integer("idle-repeats");
        int idleMillis = flags.integer("idle-millis");
        Table table = new Table(id(), "Memory per idle instance",
                List.of("project", "repeats", "heap MB/instance p50", "heap min", "heap max",
                        "RSS MB/instance p50", "RSS min", "RSS max", "RSS MB total p50"))
                .describe("Each repeat is a fresh JVM: one warm-up instance (launched and closed), then heap used after "
                        + "System.gc() and VmRSS are measured before and after launching " + count + " instances that idle "
                        + idleMillis + " ms; the difference is divided by " + count + ". `sample-miniapp` instances each "
                        + "hold an RTC room context with its media engine (audio pushed every 10 ms, silent).");
        measure("minimal", Projects.minimal(), count, repeats, idleMillis, table, report);
        measure("sample-miniapp", Projects.sample(), count, repeats, idleMillis, table, report);
        report.table(table);
    }

    private static void measure(String label, Path project, int count, int repeats, int idleMillis, Table table,
            Report report) throws Exception {
        List<Double> heapPer = new ArrayList<>();
        List<Double> rssPer = new ArrayList<>();
        List<Double> rssTotal = new ArrayList<>();
        List<String> command = ChildJvm.command(IdleMemoryChild.class,
                List.of(project.toString(), String.valueOf(count), String.valueOf(idleMillis)));
        for (int i = 0; i < repeats; i++) {
            report.progress("idle memory of " + count + " " + label + " instances, " + (i + 1) + "/" + repeats);
            JsonNode m = ChildJvm.run(command, Duration.ofSeconds(180)).get(0);
            heapPer.add(ProcessMetrics.mb(m.get("heap_after").asLong() - m.get("heap_before").asLong()) / count);
            rssPer.add(ProcessMetrics.mb(m.get("rss_after").asLong() - m.get("rss_before").asLong()) / count);
            rssTotal.add(ProcessMetrics.mb(m.get("rss_after").asLong()));
        }
        var heap = Stats.of(heapPer);
        var rss = Stats.of(rssPer);
        table.row(label, repeats, heap.p50(), heap.min(), heap.max(), rss.p50(), rss.min(), rss.max(),
                Stats.median(rssTotal));
    }
}
