package dev.ttrtc.bench.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.ChildJvm;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.ProcessMetrics;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Summary;
import dev.ttrtc.bench.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The largest real-media room this machine holds with CPU to spare: rooms of N Java participants
 * (all publishing audio and 320x240@15 video, everyone receiving everyone) for N = 2, 3, 4, …,
 * each run in a fresh child JVM ({@link RoomLoadChild}, with its own room server). The machine's
 * CPU is the child's process CPU divided by the cores; the search stops at the first N whose
 * median is above the limit (70 % by default, i.e. 30 % headroom), and the answer is the largest
 * N at or below it. Received frames a second per link show a room that starves before its CPU
 * number says so (frames dropped or never decoded).
 */
public final class CapacityBench implements Benchmark {

    @Override
    public String id() {
        return "media.capacity";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("capacity-runs", 2, 1, "runs (child JVMs) per room size"),
                Flags.Spec.of("capacity-seconds", 8, 3, "measured window per run"),
                Flags.Spec.of("capacity-settle", 2, 1, "seconds to wait after all video flows, before measuring"),
                Flags.Spec.of("capacity-from", 2, 2, "the first room size"),
                Flags.Spec.of("capacity-max", 12, 3, "the largest room size tried"),
                Flags.Spec.of("capacity-limit", 70, 70, "machine CPU % a room may use (100 − headroom)"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int runs = Math.max(1, flags.integer("capacity-runs"));
        int seconds = Math.max(1, flags.integer("capacity-seconds"));
        int settle = flags.integer("capacity-settle");
        int from = Math.max(2, flags.integer("capacity-from"));
        int max = Math.max(from, flags.integer("capacity-max"));
        int limit = flags.integer("capacity-limit");
        int cores = Runtime.getRuntime().availableProcessors();
        Table table = new Table(id(), "Media capacity: rooms of N Java participants at " + (100 - limit) + " % CPU headroom",
                List.of("participants", "links", "runs", "machine CPU % p50", "min", "max", "per-second p95",
                        "CPU % of one core p50", "fps per link p50", "fps worst link", "links without video", "RSS MB p50",
                        "within " + limit + " %"))
                .describe("For N = " + from + ", " + (from + 1) + ", …: a fresh JVM per run holding a room server and N "
                        + "Java participants (speech audio, 320x240@15 test-pattern video), all publishing and receiving "
                        + "everyone: N×(N−1) links, each with its own encoder and decoder. After every link decoded video (or "
                        + "30 s) and " + settle + " s of settling, process CPU (all threads, native included) over a " + seconds
                        + " s window ÷ " + cores + " cores = machine CPU %; `per-second p95` is the 95th percentile of the "
                        + "window's one-second slices, pooled over runs. fps per link: camera frames each receiver decoded "
                        + "from each sender in the window (15 sent); `fps worst link` the lowest link of all runs; `links "
                        + "without video` links that never decoded a frame (most over the runs). Medians over " + runs
                        + " run(s) per N; the search stops at the first N whose median is above " + limit + " %.");
        Integer largest = null;
        Integer stoppedAt = null;
        for (int n = from; n <= max; n++) {
            List<String> command = ChildJvm.command(RoomLoadChild.class,
                    List.of(String.valueOf(n), String.valueOf(seconds), String.valueOf(settle)));
            List<Double> machine = new ArrayList<>();
            List<Double> perSecond = new ArrayList<>();
            List<Double> core = new ArrayList<>();
            List<Double> fps = new ArrayList<>();
            List<Double> rss = new ArrayList<>();
            long withoutVideo = 0;
            for (int run = 0; run < runs; run++) {
                report.progress(n + "-person room, run " + (run + 1) + "/" + runs);
                JsonNode m = ChildJvm.run(command, Duration.ofSeconds(seconds + settle + 150)).get(0);
                core.add(m.get("cpu_core_percent").asDouble());
                machine.add(m.get("cpu_core_percent").asDouble() / cores);
                m.get("cpu_core_percent_seconds").forEach(v -> perSecond.add(v.asDouble() / cores));
                m.get("video_fps_links").forEach(v -> fps.add(v.asDouble()));
                rss.add(ProcessMetrics.mb(m.get("rss_median").asLong()));
                withoutVideo = Math.max(withoutVideo, m.get("links_without_video").asLong());
            }
            Summary cpu = Stats.of(machine);
            Summary links = Stats.of(fps);
            boolean within = cpu.p50() <= limit;
            table.row(n, n * (n - 1), runs, cpu.p50(), cpu.min(), cpu.max(), Stats.of(perSecond).p95(),
                    Stats.median(core), links.p50(), links.min(), withoutVideo, Stats.median(rss), within ? "yes" : "no");
            report.progress(n + "-person room: " + String.format(java.util.Locale.ROOT, "%.1f", cpu.p50()) + " % of the machine");
            if (!within) {
                stoppedAt = n;
                break;
            }
            largest = n;
        }
        report.table(table);
        String answer;
        if (largest == null) {
            answer = "No room size fits: already " + from + " participants use more than " + limit + " % of the machine.";
        } else if (stoppedAt == null) {
            answer = "At least " + largest + " participants (every size tried up to --capacity-max " + max
                    + " stayed at or below " + limit + " %).";
        } else {
            answer = "The largest room at or below " + limit + " % of the machine (" + (100 - limit)
                    + " % headroom): **" + largest + " participants** (" + stoppedAt + " used more).";
        }
        report.text(answer);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("bench", id());
        json.put("table", "answer");
        json.put("limit_percent", limit);
        if (largest == null) {
            json.putNull("largest_participants");
        } else {
            json.put("largest_participants", largest);
        }
        json.put("stopped_at", stoppedAt == null ? -1 : stoppedAt);
        report.json(json);
    }
}
