package dev.ttrtc.bench.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.ChildJvm;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.ProcessMetrics;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU and memory of a room with media: N Java participants publishing audio and 320x240 video,
 * run in a fresh JVM per run (with its own room server) so that resident memory is the room's
 * and not what earlier benchmarks left behind. Reports process CPU (all threads, WebRTC's native
 * ones included) as a percentage of one core and of the machine, and resident memory.
 */
public final class RoomLoadBench implements Benchmark {

    @Override
    public String id() {
        return "media.load";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("load-runs", 3, 1, "runs (child JVMs)"),
                Flags.Spec.of("load-seconds", 20, 5, "measured window per run"),
                Flags.Spec.of("load-settle", 3, 2, "seconds to wait after all video flows, before measuring"),
                Flags.Spec.of("load-members", 4, 4, "participants in the room"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int runs = flags.integer("load-runs");
        int seconds = flags.integer("load-seconds");
        int settle = flags.integer("load-settle");
        int members = flags.integer("load-members");
        List<String> command = ChildJvm.command(RoomLoadChild.class,
                List.of(String.valueOf(members), String.valueOf(seconds), String.valueOf(settle)));
        List<Double> cpu = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> peak = new ArrayList<>();
        List<Double> fps = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        for (int run = 0; run < runs; run++) {
            report.progress(members + "-person room for " + seconds + " s, run " + (run + 1) + "/" + runs);
            JsonNode m = ChildJvm.run(command, Duration.ofSeconds(seconds + settle + 90)).get(0);
            if (m.get("links_without_video").asLong() > 0) {
                throw new IllegalStateException(m.get("links_without_video") + " links never decoded video");
            }
            cpu.add(m.get("cpu_core_percent").asDouble());
            rss.add(ProcessMetrics.mb(m.get("rss_median").asLong()));
            peak.add(ProcessMetrics.mb(m.get("rss_peak").asLong()));
            fps.add(m.get("video_fps_per_link").asDouble());
        }
        var cpuStats = Stats.of(cpu);
        Table table = new Table(id(), "CPU and memory of a " + members + "-person room with audio and video",
                List.of("participants", "runs", "CPU % of one core (p50)", "min", "max", "CPU % of machine (p50)",
                        "RSS MB (p50)", "peak RSS MB (p50)", "video fps per link (p50)"))
                .describe("One JVM per run holding the room server and " + members + " Java participants (MediaConfig.DEFAULT: "
                        + "speech audio, 320x240@15 test-pattern video), all publishing and receiving everyone: "
                        + members * (members - 1) + " links, each with its own encoder and decoder. After all video flows and "
                        + settle + " s of settling, CPU time (all threads, native included) over a " + seconds
                        + " s window, RSS sampled each second. Machine: " + cores + " cores, so 100% of the machine = "
                        + cores * 100 + "% of one core. Medians over " + runs + " runs.");
        table.row(members, runs, cpuStats.p50(), cpuStats.min(), cpuStats.max(), cpuStats.p50() / cores,
                Stats.median(rss), Stats.median(peak), Stats.median(fps));
        report.table(table);
    }
}
